import { Link } from 'react-router';
import { Card, Table, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import type { Assignment } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Countdown } from '../../components/Countdown';
import { formatTime } from '../../lib/format';
import { useResource } from '../../lib/useResource';

/** 我的评审任务: by due date, overdue ones marked. */
export default function AssignmentsPage() {
  const list = useResource(() => api.get<Assignment[]>('/reviews/assignments'), [], { pollMs: 15_000 });
  const rows = [...(list.data ?? [])].sort((x, y) => new Date(x.dueAt).getTime() - new Date(y.dueAt).getTime());
  return (
    <Card title="我的评审任务">
      <ErrorAlert error={list.error} />
      <Table<Assignment>
        rowKey="id"
        loading={list.loading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: '暂无评审任务' }}
        rowClassName={(r) => (r.overdue ? 'overdue-row' : '')}
        onRow={(r) => ({ 'data-testid': `assignment-${r.id}`, style: r.overdue ? { background: '#fff1f0' } : undefined }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: '受理编号', render: (_, r) => <Link to={`/expert/assignments/${r.id}`}>{r.receiptNumber ?? '（未编号）'}</Link> },
          { title: '评审周期', render: (_, r) => `${r.cycleTitle}` },
          { title: '奖项', dataIndex: 'awardName' },
          ...(rows.some((r) => r.organizationName) ? [{ title: '申报单位', render: (_: unknown, r: Assignment) => r.organizationName ?? <Typography.Text type="secondary">匿名</Typography.Text> }] : []),
          {
            title: '截止时间',
            defaultSortOrder: 'ascend' as const,
            sorter: (x: Assignment, y: Assignment) => new Date(x.dueAt).getTime() - new Date(y.dueAt).getTime(),
            render: (_: unknown, r: Assignment) => (
              <>
                {formatTime(r.dueAt)}
                {r.status === 'assigned' && !r.overdue && (
                  <div>
                    <Countdown due={r.dueAt} prefix="剩" />
                  </div>
                )}
              </>
            ),
          },
          {
            title: '状态',
            render: (_, r) =>
              r.overdue ? (
                <Tag color="red" data-testid="overdue">
                  已逾期
                </Tag>
              ) : r.status === 'scored' ? (
                <Tag color="green">已评分 {r.total}</Tag>
              ) : (
                <Tag color="blue">待评分</Tag>
              ),
          },
          { title: '', render: (_, r) => <Link to={`/expert/assignments/${r.id}`}>{r.status === 'scored' ? '查看/修改' : '评审'}</Link> },
        ]}
      />
    </Card>
  );
}
