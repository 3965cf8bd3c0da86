import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, Checkbox, Select, Space, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import type { Cycle } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { ExtendDeadlineDialog } from '../../components/ExtendDeadlineDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatTime } from '../../lib/format';
import { DEADLINE_KIND_LABELS } from '../../lib/labels';
import { type Page, useServerPaging, useServerSort, WHOLE_LIST_QUERY } from '../../lib/paging';
import { useResource } from '../../lib/useResource';
import { useListFilters } from '../../lib/useListFilters';

/** A row of GET /admin/deadlines: the deadline, its cycle and (an application's own) its application. */
type ListedDeadline = components['schemas']['ListedDeadlineDto'];

const DAY = 24 * 3600_000;

const STATUS_OPTIONS = [
  { value: 'pending', label: '未处理' },
  { value: 'fired', label: '已到期处理' },
  { value: 'cancelled', label: '已取消' },
];

/** 已逾期 N 天 / 剩 N 天 (剩 N 小时 on the last day) for a pending deadline; what became of a settled one. */
function DeadlineStatus({ deadline: d, now }: { deadline: ListedDeadline; now: number }) {
  if (d.status === 'cancelled') return <Tag>已取消</Tag>;
  if (d.status === 'fired') return <Tag color="default">已到期处理{d.firedAt ? `（${formatTime(d.firedAt)}）` : ''}</Tag>;
  const left = new Date(d.dueAt).getTime() - now;
  if (left <= 0) {
    const days = Math.floor(-left / DAY);
    return (
      <Tag color="red" data-testid="deadline-overdue">
        已逾期{days >= 1 ? ` ${days} 天` : ''}
      </Tag>
    );
  }
  if (left < DAY) return <Tag color="orange">剩 {Math.max(1, Math.floor(left / 3600_000))} 小时</Tag>;
  const days = Math.floor(left / DAY);
  return <Tag color={days <= 3 ? 'orange' : 'blue'}>剩 {days} 天</Tag>;
}

/**
 * 期限管理: the deadlines of the admin's offices (补正, 评审期限, 公示期满 …), paged and sorted by the
 * server (到期时间 or 期限类型), filtered by cycle, kind, status and 仅看已逾期, each extendable (延期) with
 * a reason that goes into the audit.
 */
export default function DeadlinesPage() {
  const paging = useServerPaging();
  const sorting = useServerSort<ListedDeadline>(paging.reset);
  const { filters, set: filter } = useListFilters<{ cycleId?: string; kind?: string; status?: string; overdue: boolean }>(paging.reset, { status: 'pending', overdue: false });
  const { cycleId, kind, status, overdue } = filters;
  const cycles = useResource(() => api.get<Page<Cycle>>('/cycles', WHOLE_LIST_QUERY), []);
  const list = useResource(
    () =>
      api.get<Page<ListedDeadline>>('/admin/deadlines', {
        query: { cycleId, kind, status, overdue: overdue ? 'true' : undefined, sort: sorting.sort, page: paging.page, pageSize: paging.pageSize },
      }),
    [cycleId, kind, status, overdue, sorting.sort, paging.page, paging.pageSize],
  );
  const cycleTitles = new Map((cycles.data?.items ?? []).map((c) => [c.id, c.title]));
  const now = Date.now();

  const [extending, setExtending] = useState<ListedDeadline>();

  return (
    <Card title="期限管理">
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="全部评审周期"
          aria-label="评审周期"
          style={{ width: 280, maxWidth: '100%' }}
          value={cycleId}
          onChange={(v) => filter({ cycleId: v })}
          options={(cycles.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))}
          data-testid="deadline-cycle"
        />
        <Select
          allowClear
          placeholder="全部期限类型"
          aria-label="期限类型"
          style={{ width: 180 }}
          value={kind}
          onChange={(v) => filter({ kind: v })}
          options={Object.entries(DEADLINE_KIND_LABELS).map(([value, label]) => ({ value, label }))}
          data-testid="deadline-kind"
        />
        <Select allowClear placeholder="全部状态" aria-label="状态" style={{ width: 140 }} value={status} onChange={(v) => filter({ status: v })} options={STATUS_OPTIONS} data-testid="deadline-status" />
        <Checkbox checked={overdue} onChange={(e) => filter({ overdue: e.target.checked })} data-testid="deadline-overdue-only">
          仅看已逾期
        </Checkbox>
      </Space>
      <ErrorAlert error={list.error ?? cycles.error} />
      <DataTable<ListedDeadline>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={paging.pagination(list.data?.total, '项')}
        onChange={sorting.onChange}
        locale={{ emptyText: '没有符合条件的期限' }}
        onRow={(d) => ({ 'data-testid': `deadline-${d.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: '受理编号',
            key: 'receipt',
            render: (_, d) => (d.application ? <Link to={`/application/${d.application.id}`}>{d.application.receiptNumber ?? '未受理（草稿）'}</Link> : '—'),
          },
          {
            title: '申报单位',
            key: 'organization',
            render: (_, d) =>
              d.application ? (
                <>
                  {d.application.organizationName ?? '—'}
                  {d.application.subjectName && (
                    <div>
                      <Typography.Text type="secondary">{d.application.subjectName}</Typography.Text>
                    </div>
                  )}
                </>
              ) : (
                '—'
              ),
          },
          { title: '评审周期', key: 'cycle', render: (_, d) => (d.cycleId ? (cycleTitles.get(d.cycleId) ?? '—') : '—') },
          { title: '期限类型', ...sorting.sortable('kind'), render: (_, d) => DEADLINE_KIND_LABELS[d.kind] ?? d.kind },
          {
            title: '到期时间',
            ...sorting.sortable('dueAt'),
            render: (_, d) => (
              <span data-testid="due-at" data-due={d.dueAt}>
                {formatTime(d.dueAt)}
              </span>
            ),
          },
          { title: '状态', key: 'status', render: (_, d) => <DeadlineStatus deadline={d} now={now} /> },
          {
            key: 'actions',
            render: (_, d) =>
              d.status === 'pending' ? (
                <Button
                  size="small"
                  onClick={() => setExtending(d)}
                  aria-label={`延期：${d.application?.receiptNumber ?? ''}${DEADLINE_KIND_LABELS[d.kind] ?? d.kind}`}
                  data-testid="extend-deadline"
                >
                  延期
                </Button>
              ) : null,
          },
        ]}
      />
      <ExtendDeadlineDialog
        deadline={extending}
        subject={extending?.application?.receiptNumber ?? undefined}
        onClose={() => setExtending(undefined)}
        onExtended={() => {
          setExtending(undefined);
          void list.reload();
        }}
      />
    </Card>
  );
}
