import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

/**
 * `?sort=` of the list routes (issue 18): a column key from the route's whitelist, `-` first for
 * descending. The key maps to SQL only through the route's own table of columns, so no caller
 * ever names SQL; an unknown key is a 400 naming 排序 and the keys it may take.
 */
export type SortValue<K extends string> = K | `-${K}`;

/** Every value `?sort=` may take for these column keys: each ascending and descending. */
export function sortValues<K extends string>(keys: readonly K[]): SortValue<K>[] {
  return keys.flatMap((key) => [key, `-${key}` as const]);
}

/**
 * The query property `sort`: optional, one of sortValues(keys); `labels` are the columns' Chinese
 * names for the 400 (`只能按名称或注册时间排序（name、-name、…）`).
 */
export function SortParam(keys: readonly string[], labels: readonly string[], defaultSort: string): PropertyDecorator {
  const values = sortValues(keys);
  return applyDecorators(
    ApiPropertyOptional({ enum: values, description: `the column to sort on, \`-\` first for descending (default ${defaultSort})` }),
    IsOptional(),
    IsIn(values, { message: `只能按${labels.join('、').replace(/、([^、]*)$/, '或$1')}排序（${values.join('、')}）` }),
  );
}

/** The column and direction `sort` names, or null when it names none (the route's default order). */
export function parseSort<K extends string>(sort: string | undefined, columns: Readonly<Record<K, string>>): { column: string; descending: boolean } | null {
  if (!sort) return null;
  const descending = sort.startsWith('-');
  const key = (descending ? sort.slice(1) : sort) as K;
  if (!Object.prototype.hasOwnProperty.call(columns, key)) return null;
  return { column: columns[key], descending };
}

/**
 * The ORDER BY of a list: the sorted column (NULLs last either way), then `tieBreak` (e.g. `o.id`,
 * ascending), so rows with equal values keep one order across pages. Without a sort: `fallback`.
 */
export function orderBySql<K extends string>(sort: string | undefined, columns: Readonly<Record<K, string>>, tieBreak: string, fallback: string): string {
  const parsed = parseSort(sort, columns);
  if (!parsed) return fallback;
  return `${parsed.column} ${parsed.descending ? 'DESC' : 'ASC'} NULLS LAST, ${tieBreak}`;
}
