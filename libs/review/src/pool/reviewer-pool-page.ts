import { Page, pageOf, pageWindow, parseSort } from '@awardflow/platform';
import { REVIEWER_SORT_KEYS, type ReviewerPoolQuery, type ReviewerSortKey } from './pool.dto';
import type { ReviewerProfile } from './pool.service';

// The profile's fields go by the names the route sorts on, so each key is its own column.
const SORT_COLUMNS = Object.fromEntries(REVIEWER_SORT_KEYS.map((key) => [key, key])) as Record<ReviewerSortKey, ReviewerSortKey>;

/**
 * One page of an office's pool, searched by name, filtered by GB/T 4754 field, sorted; without a
 * sort, in the pool's own order. The pool is tens of experts, a few hundred at most: it is read
 * whole and cut here, as a SQL page would buy nothing at this size.
 */
export function reviewerPoolPage(pool: ReviewerProfile[], query: ReviewerPoolQuery): Page<ReviewerProfile> {
  const window = pageWindow(query);
  const needle = query.search?.trim().toLowerCase();
  const field = query.expertise;
  const matching = pool.filter((r) => (!needle || r.displayName.toLowerCase().includes(needle)) && (!field || covers(r.expertise, field)));
  const sort = parseSort(query.sort, SORT_COLUMNS);
  const sorted = sort ? [...matching].sort(byColumn(sort.column as ReviewerSortKey, sort.descending)) : matching;
  return pageOf(sorted.slice(window.offset, window.offset + window.limit), sorted.length, window);
}

/** A section covers its codes (C covers C38) and a code is covered by its section (C38 by C). */
function covers(expertise: string[], field: string): boolean {
  return expertise.some((e) => e.startsWith(field) || field.startsWith(e));
}

type Sortable = Pick<ReviewerProfile, ReviewerSortKey | 'userId'>;

/** Names in Chinese collation (pinyin order), numbers as numbers; the user id breaks ties so pages fit together. */
function byColumn(column: ReviewerSortKey, descending: boolean): (a: Sortable, b: Sortable) => number {
  const collator = new Intl.Collator('zh-CN');
  return (a, b) => {
    const x = a[column];
    const y = b[column];
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return (descending ? -order : order) || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);
  };
}
