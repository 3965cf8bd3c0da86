import { useState } from 'react';
import type { TablePaginationConfig, TableProps } from 'antd';
import type { SortOrder, SorterResult } from 'antd/es/table/interface';

/** The one answer of every list route: `{items, total, page, pageSize}` (libs/platform PageQuery). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The 条/页 choices; the server refuses more than 200 a page. */
export const PAGE_SIZE_OPTIONS = [20, 50, 100, 200];

/** The largest page, for the selects that list every cycle or every user the office has. */
export const WHOLE_LIST = { pageSize: 200 } as const;

/**
 * A table paged by the server: the page and the 条/页 the user picked, sent as `?page=&pageSize=`,
 * and the antd pagination that shows the server's total. `reset()` goes back to page 1 (a filter changed).
 */
export function useServerPaging(initialPageSize = 20) {
  const [paging, setPaging] = useState({ page: 1, pageSize: initialPageSize });
  const pagination = (total: number | undefined, unit = '条'): TablePaginationConfig => ({
    current: paging.page,
    pageSize: paging.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZE_OPTIONS,
    showTotal: (t) => `共 ${t} ${unit}`,
    onChange: (page, pageSize) => setPaging((p) => ({ page: pageSize !== p.pageSize ? 1 : page, pageSize })),
  });
  return { ...paging, pagination, reset: () => setPaging((p) => ({ ...p, page: 1 })) };
}

/** `api.get` options asking for the largest page. */
export const WHOLE_LIST_QUERY = { query: WHOLE_LIST };

/** antd's sorter as `?sort=`: the column key, `-` first for descending; undefined when the sort was cleared. */
export function sortParam<T>(sorter: SorterResult<T> | SorterResult<T>[]): string | undefined {
  const one = Array.isArray(sorter) ? sorter[0] : sorter;
  return one?.order && one.columnKey ? `${one.order === 'descend' ? '-' : ''}${String(one.columnKey)}` : undefined;
}

/** An antd column's sorter props for a column the server sorts, showing the current `?sort=`. */
export function sortableColumn(sort: string | undefined, column: string) {
  const sortOrder: SortOrder = sort === column ? 'ascend' : sort === `-${column}` ? 'descend' : null;
  return { key: column, sorter: true, sortOrder, sortDirections: ['ascend', 'descend'] as SortOrder[] };
}

/**
 * Columns sorted by the server, for a sort kept wherever the page keeps it (its state, the address):
 * `?sort=` a whitelisted column, `-` first for descending (libs/platform SortParam). `sortable(column)`
 * spreads into an antd column (`sorter: true`); `onChange` goes on the Table and calls `setSort`.
 */
export function serverSortColumns<T>(sort: string | undefined, setSort: (sort: string | undefined) => void) {
  const sortable = (column: string) => sortableColumn(sort, column);
  const onChange: NonNullable<TableProps<T>['onChange']> = (_, __, sorter, extra) => {
    if (extra.action === 'sort') setSort(sortParam(sorter));
  };
  return { sortable, onChange };
}

/**
 * A table sorted by the server, the sort kept in the component: `changed` (e.g. paging.reset) is
 * called when the sort changes, so page 1 shows the new order.
 */
export function useServerSort<T>(changed: () => void, initial?: string) {
  const [sort, setSort] = useState<string | undefined>(initial);
  const columns = serverSortColumns<T>(sort, (next) => {
    setSort(next);
    changed();
  });
  return { sort, ...columns };
}
