import { useState } from 'react';
import { useSearchParams } from 'react-router';

/** A list's filter row: its values, and `set` to change some of them at once. */
export interface ListFilters<F> {
  filters: F;
  set: (patch: Partial<F>) => void;
}

/**
 * Filter values kept in the component. Every change calls `changed` (paging.reset), since other
 * filters are another list and its page 1 is where to start.
 */
export function useListFilters<F extends object>(changed: () => void, initial: F): ListFilters<F> {
  const [filters, setFilters] = useState<F>(initial);
  const set = (patch: Partial<F>) => {
    setFilters((f) => ({ ...f, ...patch }));
    changed();
  };
  return { filters, set };
}

/**
 * The same kept in the address (`?cycleId=&state=…`), so a link or Back shows the same list: a value
 * set writes its key (an empty one removes it) and drops `?page=`; `changed` is called for anything
 * else another list makes stale (a selection).
 */
export function useAddressFilters<K extends string>(keys: readonly K[], changed: () => void = () => undefined): ListFilters<Partial<Record<K, string>>> {
  const [params, setParams] = useSearchParams();
  const filters: Partial<Record<K, string>> = {};
  for (const key of keys) filters[key] = params.get(key) ?? undefined;
  const set = (patch: Partial<Record<K, string>>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch) as Array<[K, string | undefined]>) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    next.delete('page');
    changed();
    setParams(next);
  };
  return { filters, set };
}
