import { useState } from 'react';
import type { TablePaginationConfig, TableProps } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';

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

/**
 * A table sorted by the server: `?sort=` a whitelisted column, `-` first for descending (libs/platform
 * SortParam). `sortable(column)` spreads into an antd column (`sorter: true`); `onChange` goes on the
 * Table and calls `changed` (e.g. paging.reset) when the sort changes, so page 1 shows the new order.
 */
export function useServerSort<T>(changed: () => void, initial?: string) {
  const [sort, setSort] = useState<string | undefined>(initial);
  const order = (column: string): SortOrder => (sort === column ? 'ascend' : sort === `-${column}` ? 'descend' : null);
  const sortable = (column: string) => ({ key: column, sorter: true, sortOrder: order(column), sortDirections: ['ascend', 'descend'] as SortOrder[] });
  const onChange: NonNullable<TableProps<T>['onChange']> = (_, __, sorter, extra) => {
    if (extra.action !== 'sort') return;
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    setSort(one?.order && one.columnKey ? `${one.order === 'descend' ? '-' : ''}${String(one.columnKey)}` : undefined);
    changed();
  };
  return { sort, sortable, onChange };
}
