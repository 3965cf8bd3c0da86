import type { Key, ReactNode } from 'react';
import { Card, Grid, List, Table, Typography } from 'antd';
import type { TableColumnType, TableProps } from 'antd';

/**
 * An antd Table on wide screens; below md (phones) the same rows as a list of cards, each column a
 * "label: value" line, so nothing scrolls sideways. Takes Table's props: a page swaps `Table` for
 * `DataTable` and keeps its columns. Columns without a title (a row's action link) go at the card's foot.
 */
export function DataTable<T extends object>(props: TableProps<T>) {
  const screens = Grid.useBreakpoint();
  // Before the first measurement useBreakpoint answers {}: the table, as on a desktop.
  if (screens.md !== false) return <Table<T> {...props} />;
  return <CardList {...props} />;
}

function cellOf<T>(column: TableColumnType<T>, row: T, index: number): ReactNode {
  const dataIndex = column.dataIndex as keyof T | undefined;
  const value = dataIndex !== undefined ? row[dataIndex] : undefined;
  if (column.render) return column.render(value, row, index) as ReactNode;
  return value === null || value === undefined ? '—' : String(value);
}

/** antd allows a column title to be a function of the sort state; the card shows it unsorted. */
function titleOf<T>(column: TableColumnType<T>): ReactNode {
  const title = column.title as unknown;
  return typeof title === 'function' ? (title as (props: object) => ReactNode)({}) : (title as ReactNode);
}

function keyOf<T>(rowKey: TableProps<T>['rowKey'], row: T, index: number): Key {
  if (typeof rowKey === 'function') return rowKey(row, index);
  if (typeof rowKey === 'string') return (row as Record<string, Key>)[rowKey];
  return index;
}

function CardList<T extends object>({ dataSource, columns, rowKey, loading, pagination, locale }: TableProps<T>) {
  const cols = (columns ?? []) as TableColumnType<T>[];
  const titled = cols.filter((c) => c.title);
  const untitled = cols.filter((c) => !c.title);
  return (
    <List<T>
      loading={typeof loading === 'boolean' ? loading : undefined}
      dataSource={(dataSource ?? []) as T[]}
      locale={locale?.emptyText !== undefined ? { emptyText: locale.emptyText as ReactNode } : undefined}
      pagination={
        pagination ? { current: pagination.current, pageSize: pagination.pageSize, total: pagination.total, onChange: pagination.onChange, hideOnSinglePage: true, simple: true, size: 'small' } : false
      }
      rowKey={(row) => keyOf(rowKey, row, (dataSource ?? []).indexOf(row))}
      renderItem={(row) => {
        const index = (dataSource ?? []).indexOf(row);
        return (
          <List.Item style={{ padding: 0, border: 'none', marginBottom: 8 }}>
            <Card size="small" style={{ width: '100%' }} data-testid="data-card">
              {titled.map((c, i) => (
                <div key={String(c.key ?? c.dataIndex ?? i)} style={{ display: 'flex', gap: 8, padding: '2px 0', flexWrap: 'wrap' }}>
                  <Typography.Text type="secondary" style={{ flex: '0 0 6em' }}>
                    {titleOf(c)}
                  </Typography.Text>
                  <div style={{ flex: '1 1 10em', minWidth: 0, overflowWrap: 'anywhere' }}>{cellOf(c, row, index)}</div>
                </div>
              ))}
              {untitled.length > 0 && (
                <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 8 }}>
                  {untitled.map((c, i) => (
                    <span key={String(c.key ?? i)}>{cellOf(c, row, index)}</span>
                  ))}
                </div>
              )}
            </Card>
          </List.Item>
        );
      }}
    />
  );
}
