import { Link } from 'react-router';
import { Card, Grid, List, Space, Table, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import type { Assignment } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Countdown } from '../../components/Countdown';
import { formatTime } from '../../lib/format';
import { type Page, useServerPaging } from '../../lib/paging';
import { useResource } from '../../lib/useResource';

function StatusTag({ r }: { r: Assignment }) {
  if (r.overdue)
    return (
      <Tag color="red" data-testid="overdue">
        已逾期
      </Tag>
    );
  return r.status === 'scored' ? <Tag color="green">已评分 {r.total}</Tag> : <Tag color="blue">待评分</Tag>;
}

function Due({ r }: { r: Assignment }) {
  return (
    <>
      {formatTime(r.dueAt)}
      {r.status === 'assigned' && !r.overdue && (
        <div>
          <Countdown due={r.dueAt} prefix="剩" />
        </div>
      )}
    </>
  );
}

const actionOf = (r: Assignment) => <Link to={`/expert/assignments/${r.id}`}>{r.status === 'scored' ? '查看/修改' : '评审'}</Link>;
const organizationOf = (r: Assignment) => r.organizationName ?? <Typography.Text type="secondary">匿名</Typography.Text>;

/**
 * 我的评审任务: a page of the expert's assignments by due date (the server orders and pages), overdue
 * ones marked. Below md (a phone) each assignment is a card, so nothing scrolls sideways.
 */
export default function AssignmentsPage() {
  const paging = useServerPaging();
  const list = useResource(() => api.get<Page<Assignment>>('/reviews/assignments', { query: { page: paging.page, pageSize: paging.pageSize } }), [paging.page, paging.pageSize], { pollMs: 15_000 });
  const rows = list.data?.items ?? [];
  const pagination = { ...paging.pagination(list.data?.total, '项'), hideOnSinglePage: true };
  const phone = !Grid.useBreakpoint().md;
  const named = rows.some((r) => r.organizationName);

  return (
    <Card title="我的评审任务" styles={phone ? { body: { padding: 12 } } : undefined}>
      <ErrorAlert error={list.error} />
      {phone ? (
        <List<Assignment>
          loading={list.loading}
          dataSource={rows}
          pagination={{ current: paging.page, pageSize: paging.pageSize, total: list.data?.total ?? 0, onChange: pagination.onChange, hideOnSinglePage: true, size: 'small' }}
          locale={{ emptyText: '暂无评审任务' }}
          data-testid="assignment-cards"
          renderItem={(r) => (
            <List.Item style={{ padding: '6px 0' }} data-testid={`assignment-${r.id}`}>
              <Card
                size="small"
                style={{ width: '100%', ...(r.overdue ? { background: '#fff1f0' } : {}) }}
                title={<Link to={`/expert/assignments/${r.id}`}>{r.receiptNumber ?? '（未编号）'}</Link>}
                extra={<StatusTag r={r} />}
              >
                <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                  <Typography.Text>
                    {r.cycleTitle} · {r.awardName}
                  </Typography.Text>
                  {named && <Typography.Text>申报单位：{organizationOf(r)}</Typography.Text>}
                  <Typography.Text type="secondary">
                    截止 <Due r={r} />
                  </Typography.Text>
                  <div style={{ textAlign: 'right' }}>{actionOf(r)}</div>
                </Space>
              </Card>
            </List.Item>
          )}
        />
      ) : (
        <Table<Assignment>
          rowKey="id"
          loading={list.loading}
          dataSource={rows}
          pagination={pagination}
          locale={{ emptyText: '暂无评审任务' }}
          rowClassName={(r) => (r.overdue ? 'overdue-row' : '')}
          onRow={(r) => ({ 'data-testid': `assignment-${r.id}`, style: r.overdue ? { background: '#fff1f0' } : undefined }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: '受理编号', render: (_, r) => <Link to={`/expert/assignments/${r.id}`}>{r.receiptNumber ?? '（未编号）'}</Link> },
            { title: '评审周期', render: (_, r) => `${r.cycleTitle}` },
            { title: '奖项', dataIndex: 'awardName' },
            ...(named ? [{ title: '申报单位', render: (_: unknown, r: Assignment) => organizationOf(r) }] : []),
            // The server orders by due date; sorting here would only reorder one page.
            { title: '截止时间', render: (_: unknown, r: Assignment) => <Due r={r} /> },
            { title: '状态', render: (_, r) => <StatusTag r={r} /> },
            { title: '', render: (_, r) => actionOf(r) },
          ]}
        />
      )}
    </Card>
  );
}
