import { Link } from 'react-router';
import { Card, Empty, Grid, List, Pagination, Space, Table, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import type { PanelVote, ReviewTask, TaskStage } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useResource } from '../../lib/useResource';
import { type Page, useServerPaging } from '../../lib/paging';

/** The stages in the order an application meets them, each with the state it stands for. */
const STAGES: Array<{ stage: TaskStage; state: string; hint: string }> = [
  { stage: '形式审查', state: 'formal_review', hint: '核对申报书与材料是否齐全、合规：通过、要求补正或不予通过。' },
  { stage: '初审', state: 'preliminary_review', hint: '核对申报资料：通过、要求补正或不予通过。' },
  { stage: '现场评审', state: 'onsite_review', hint: '记录现场评审发现，可调整资料评审得分。' },
  { stage: '评审委员会表决', state: 'panel', hint: '评审委员会委员表决：同意、反对或弃权，截止前可以修改。' },
];

const VOTE_LABELS: Record<PanelVote, [string, string]> = { approve: ['同意', 'green'], reject: ['反对', 'red'], abstain: ['弃权', 'default'] };

const organizationOf = (t: ReviewTask) => t.organizationName ?? <Typography.Text type="secondary">匿名（盲评）</Typography.Text>;
const voteOf = (t: ReviewTask) => (t.myVote ? <Tag color={VOTE_LABELS[t.myVote][1]}>{VOTE_LABELS[t.myVote][0]}</Tag> : <Tag color="orange">未表决</Tag>);
const actionOf = (t: ReviewTask, panel: boolean) => <Link to={`/application/${t.applicationId}`}>{panel ? (t.myVote ? '修改表决' : '表决') : '办理'}</Link>;

/**
 * 待办: what an expert may act on besides scoring — 形式审查 / 初审 / 现场评审 of the expert's offices
 * and the panel votes of the cycles the expert sits on — grouped by stage, each row opening the
 * application's page where the actions are. The server pages the list stage by stage, so a page's
 * groups are runs of the whole list. Organisations of blind cycles come without a name. Below md
 * (a phone) each task is a card.
 */
export default function TasksPage() {
  const paging = useServerPaging(50);
  const tasks = useResource(() => api.get<Page<ReviewTask>>('/reviews/tasks', { query: { page: paging.page, pageSize: paging.pageSize } }), [paging.page, paging.pageSize], { pollMs: 15_000 });
  const phone = !Grid.useBreakpoint().md;
  const rows = tasks.data?.items ?? [];
  const groups = STAGES.map((g) => ({ ...g, rows: rows.filter((t) => t.stage === g.stage) })).filter((g) => g.rows.length > 0);
  const total = tasks.data?.total ?? 0;

  return (
    <Card title="待办" extra={<Link to="/expert/assignments">资料评审打分见「我的评审任务」</Link>} loading={tasks.loading && !tasks.data} styles={phone ? { body: { padding: 12 } } : undefined}>
      <ErrorAlert error={tasks.error} />
      {tasks.data && total === 0 && <Empty description="暂无待办事项" data-testid="no-tasks" />}
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {groups.map((g) => (
          <Card
            key={g.stage}
            size="small"
            type="inner"
            data-testid={`tasks-${g.state}`}
            title={
              <Space>
                {g.stage}
                <Tag>{g.rows.length}</Tag>
              </Space>
            }
          >
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {g.hint}
            </Typography.Paragraph>
            {phone ? (
              <List<ReviewTask>
                dataSource={g.rows}
                renderItem={(t) => (
                  <List.Item style={{ padding: '6px 0' }} data-testid={`task-${t.applicationId}`}>
                    <Card size="small" style={{ width: '100%' }} title={<Link to={`/application/${t.applicationId}`}>{t.receiptNumber ?? '（未编号）'}</Link>} extra={g.state === 'panel' ? voteOf(t) : undefined}>
                      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                        <Typography.Text>申报单位：{organizationOf(t)}</Typography.Text>
                        <Typography.Text type="secondary">
                          {t.cycle.title} · {t.cycle.awardName}
                        </Typography.Text>
                        <div style={{ textAlign: 'right' }}>{actionOf(t, g.state === 'panel')}</div>
                      </Space>
                    </Card>
                  </List.Item>
                )}
              />
            ) : (
              <Table<ReviewTask>
                rowKey="applicationId"
                size="small"
                dataSource={g.rows}
                pagination={false}
                onRow={(t) => ({ 'data-testid': `task-${t.applicationId}` }) as React.HTMLAttributes<HTMLElement>}
                columns={[
                  { title: '受理编号', render: (_, t) => <Link to={`/application/${t.applicationId}`}>{t.receiptNumber ?? '（未编号）'}</Link> },
                  { title: '申报单位', render: (_, t) => organizationOf(t) },
                  { title: '评审周期', render: (_, t) => t.cycle.title },
                  { title: '奖项', render: (_, t) => t.cycle.awardName },
                  ...(g.state === 'panel' ? [{ title: '我的表决', render: (_: unknown, t: ReviewTask) => voteOf(t) }] : []),
                  { title: '', render: (_, t) => actionOf(t, g.state === 'panel') },
                ]}
              />
            )}
          </Card>
        ))}
        {total > paging.pageSize && <Pagination align="end" size={phone ? 'small' : undefined} {...paging.pagination(total, '项')} showSizeChanger={!phone} data-testid="tasks-pagination" />}
      </Space>
    </Card>
  );
}
