import { useEffect, useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Form, Input, List, Radio, Space, Table, Tag, Typography } from 'antd';
import { api } from '../../api/client';

import type { Application, Deadline, Inbox, OnsiteFinding, PanelBrief, PanelVote } from '../../api/types';
import { formatTime } from '../../lib/format';
import { DEADLINE_KIND_LABELS } from '../../lib/labels';
import { useResource } from '../../lib/useResource';
import { Countdown } from '../Countdown';
import { ErrorAlert } from '../ErrorAlert';
import { applyFieldErrors } from '../formErrors';
import { ExtendDeadlineDialog } from '../ExtendDeadlineDialog';

/** 期限: the application's pending deadlines with the time left; the office can extend one. */
export function DeadlinesCard({ deadlines, canExtend, onExtended }: { deadlines: Deadline[] | undefined; canExtend: boolean; onExtended: () => void }) {
  const [extending, setExtending] = useState<Deadline>();
  const shown = (deadlines ?? []).filter((d) => d.kind !== 'review_reminder');
  if (!shown.length) return null;
  return (
    <Card title="期限" size="small" data-testid="deadlines">
      <List
        size="small"
        dataSource={shown}
        renderItem={(d) => (
          <List.Item
            actions={
              canExtend
                ? [
                    <Button key="x" size="small" type="link" onClick={() => setExtending(d)}>
                      延期
                    </Button>,
                  ]
                : []
            }
          >
            <div>
              <Typography.Text strong>{DEADLINE_KIND_LABELS[d.kind] ?? d.kind}</Typography.Text>
              <div>
                <Countdown due={d.dueAt} />
              </div>
            </div>
          </List.Item>
        )}
      />
      <ExtendDeadlineDialog
        deadline={extending}
        onClose={() => setExtending(undefined)}
        onExtended={() => {
          setExtending(undefined);
          onExtended();
        }}
      />
    </Card>
  );
}

/** 消息: the viewer's notifications about this application (refreshed with it). */
export function RelatedNotifications({ applicationId, refreshKey }: { applicationId: string; refreshKey: unknown }) {
  const inbox = useResource(() => api.get<Inbox>('/notifications', { query: { pageSize: 100 } }), [refreshKey], { pollMs: 8000 });
  const items = (inbox.data?.items ?? []).filter((n) => n.link?.includes(applicationId));
  return (
    <Card title="相关消息" size="small" data-testid="related-notifications">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无消息" />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(n) => (
            <List.Item>
              <div>
                <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                <div>
                  <Typography.Text type="secondary">{formatTime(n.createdAt)}</Typography.Text>
                </div>
                <div style={{ whiteSpace: 'pre-wrap' }}>{n.body.replace(/\n?详情请登录查看：\S+/, '')}</div>
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

const VOTE_LABELS: Record<PanelVote, [string, string]> = { approve: ['同意', 'green'], reject: ['反对', 'red'], abstain: ['弃权', 'default'] };

const RULE_LABELS: Record<string, string> = { trimmed_mean: '去掉最高最低分后平均', mean: '算术平均', median: '中位数', zscore: '标准分（z 分）' };

/**
 * 评审委员会表决: what the panel deliberates on — the 综合得分 with its parts, each expert's total
 * (unnamed) and the experts' mean per category — and the member's vote, which shows again (with its
 * 说明) after a reload and can be changed until the vote is closed.
 */
export function PanelVoteCard({ application }: { application: Application }) {
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const inPanel = application.state === 'panel';
  const brief = useResource(() => (inPanel ? api.get<PanelBrief>(`/applications/${application.id}/panel`).catch(() => null) : Promise.resolve(null)), [application.id, inPanel]);
  const b = brief.data;
  useEffect(() => {
    if (b?.myVote) form.setFieldsValue({ vote: b.myVote.vote, comment: b.myVote.comment ?? '' });
  }, [b, form]);
  if (!inPanel) return null;
  const vote = async (values: { vote: string; comment?: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await api.post(`/applications/${application.id}/votes`, values);
      message.success('表决意见已记录，截止前可以修改');
      await brief.reload();
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const summary = b?.summary;
  return (
    <Card title="评审委员会表决" size="small" data-testid="panel-vote">
      {summary && (
        <div data-testid="panel-summary" style={{ marginBottom: 12 }}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="综合得分">
              <Typography.Text strong>{summary.composite}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="专家评审得分">
              {summary.aggregated}（{RULE_LABELS[summary.rule] ?? summary.rule}，{summary.reviewerCount} 位专家）
            </Descriptions.Item>
            <Descriptions.Item label="各专家总分">{summary.expertTotals.join('、') || '—'}</Descriptions.Item>
            <Descriptions.Item label="结果类得分">{summary.resultsSubtotal}</Descriptions.Item>
            {summary.onsiteAdjustment !== 0 && <Descriptions.Item label="现场评审调整">{formatAdjustment(summary.onsiteAdjustment)}</Descriptions.Item>}
            {summary.defenseScore !== null && <Descriptions.Item label="答辩得分">{summary.defenseScore}</Descriptions.Item>}
          </Descriptions>
          <Table
            size="small"
            style={{ marginTop: 8 }}
            pagination={false}
            rowKey="code"
            dataSource={summary.categories}
            columns={[
              { title: '类目', render: (_, c) => `${c.code} ${c.label}` },
              { title: '专家平均', align: 'right', render: (_, c) => (c.mean === null ? '—' : `${c.mean} / ${c.max}`) },
            ]}
          />
        </div>
      )}
      {b?.myVote && (
        <Typography.Paragraph data-testid="my-vote">
          我的表决：<Tag color={VOTE_LABELS[b.myVote.vote][1]}>{VOTE_LABELS[b.myVote.vote][0]}</Tag>
          <Typography.Text type="secondary">{formatTime(b.myVote.votedAt)}，表决结束前可以修改。</Typography.Text>
        </Typography.Paragraph>
      )}
      {!b?.member && <Typography.Paragraph type="secondary">仅评审委员会委员可以表决；非委员提交将提示未找到。</Typography.Paragraph>}
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={vote}>
        <Form.Item name="vote" label="表决意见" rules={[{ required: true, message: '请选择表决意见' }]}>
          <Radio.Group>
            <Radio value="approve">同意</Radio>
            <Radio value="reject">反对</Radio>
            <Radio value="abstain">弃权</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="comment" label="说明">
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
        </Form.Item>
        <Button htmlType="submit" type="primary" loading={busy}>
          {b?.myVote ? '修改表决' : '提交表决'}
        </Button>
      </Form>
    </Card>
  );
}

/** "+3.5 分", "-2 分" or "不调整". */
export function formatAdjustment(value: number | null | undefined): string {
  if (!value) return '不调整';
  return `${value > 0 ? '+' : ''}${value} 分`;
}

/** 现场评审记录 (reviewers and the office): each pass/fail with its findings and score adjustment. */
export function OnsiteFindingsCard({ applicationId, refreshKey }: { applicationId: string; refreshKey: unknown }) {
  const findings = useResource(() => api.get<OnsiteFinding[]>(`/applications/${applicationId}/onsite-findings`), [applicationId, refreshKey]);
  if (findings.error) return <ErrorAlert error={findings.error} />;
  if (!findings.data?.length) return null;
  return (
    <Card title="现场评审记录" size="small" data-testid="onsite-findings">
      <List
        size="small"
        dataSource={findings.data}
        renderItem={(f) => (
          <List.Item data-testid={`onsite-finding-${f.id}`}>
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap>
                <Tag color={f.outcome === 'pass' ? 'green' : 'red'}>{f.outcome === 'pass' ? '现场评审通过' : '现场评审未通过'}</Tag>
                <Typography.Text type="secondary">
                  {f.recordedBy} · {formatTime(f.createdAt)}
                </Typography.Text>
              </Space>
              {f.findings && <div style={{ whiteSpace: 'pre-wrap' }}>现场评审发现：{f.findings}</div>}
              <div data-testid="onsite-adjustment">分数调整：{formatAdjustment(f.scoreAdjustment)}</div>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
