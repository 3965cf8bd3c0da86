import { useState } from 'react';
import { Alert, App, Button, Card, List, Space, Table, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import { errorText } from '../../api/errors';
import type { components } from '../../api/schema';
import { ErrorAlert } from '../ErrorAlert';
import { formatTime } from '../../lib/format';
import { useServerPaging } from '../../lib/paging';
import { useCrossPageSelection } from '../../lib/selection';
import { useResource } from '../../lib/useResource';

type Row = components['schemas']['ExpertReminderRowDto'];
type RowPage = components['schemas']['ExpertReminderRowPageDto'];
type Sent = components['schemas']['ExpertRemindersSentDto'];

/**
 * 提醒专家: the experts with reviews of the cycle not yet scored (overdue first, as the server orders
 * them), paged; the office ticks some (or none: all of them) and reminds them by inbox and email.
 * The answer names who was skipped and why (reminded in the last 24 hours).
 */
export function ExpertRemindersCard({ cycleId }: { cycleId: string }) {
  const { message } = App.useApp();
  const paging = useServerPaging(20);
  const rows = useResource(() => api.get<RowPage>(`/cycles/${cycleId}/expert-reminders`, { query: { page: paging.page, pageSize: paging.pageSize } }), [cycleId, paging.page, paging.pageSize]);
  const { selected, rowSelection, clear: clearSelection } = useCrossPageSelection<Row>((r) => r.reviewerId);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<Sent>();
  const [error, setError] = useState<unknown>();
  const nameOf = (id: string) => selected.find((r) => r.reviewerId === id)?.displayName ?? rows.data?.items.find((r) => r.reviewerId === id)?.displayName ?? id;

  const remind = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const res = await api.post<Sent>(`/cycles/${cycleId}/expert-reminders`, selected.length ? { reviewerIds: selected.map((r) => r.reviewerId) } : {});
      setSent(res);
      message.success(`已提醒 ${res.reminded.length} 位专家${res.skipped.length ? `，${res.skipped.length} 位未提醒` : ''}`);
      clearSelection();
      await rows.reload();
    } catch (e) {
      setError(e);
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title="提醒专家"
      data-testid="expert-reminders"
      extra={
        <Space>
          <Typography.Text type="secondary">{selected.length ? `已选 ${selected.length} 位` : '未选择时提醒全部'}</Typography.Text>
          <Button type="primary" loading={busy} disabled={!rows.data?.total} onClick={() => void remind()} data-testid="remind-experts">
            提醒
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">有评审任务尚未打分的专家，逾期的在前。提醒以站内信和邮件发出；24 小时内已提醒过的专家不再重复提醒。</Typography.Paragraph>
      <ErrorAlert error={rows.error ?? error} />
      {sent && (
        <Alert
          style={{ marginBottom: 12 }}
          type={sent.skipped.length ? 'warning' : 'success'}
          showIcon
          closable
          onClose={() => setSent(undefined)}
          data-testid="reminders-sent"
          message={`已提醒 ${sent.reminded.length} 位专家，未提醒 ${sent.skipped.length} 位`}
          description={
            sent.skipped.length ? (
              <List size="small" dataSource={sent.skipped} renderItem={(s) => <List.Item data-testid="reminder-skipped">{`${nameOf(s.reviewerId)}：${s.message}`}</List.Item>} />
            ) : undefined
          }
        />
      )}
      <Table<Row>
        rowKey="reviewerId"
        size="small"
        loading={rows.loading}
        dataSource={rows.data?.items ?? []}
        pagination={paging.pagination(rows.data?.total, '位')}
        rowSelection={rowSelection}
        locale={{ emptyText: '没有待打分的专家' }}
        columns={[
          { title: '专家', dataIndex: 'displayName' },
          { title: '待打分', dataIndex: 'pending' },
          { title: '已逾期', render: (_, r) => (r.overdue ? <Tag color="red">{r.overdue}</Tag> : 0) },
          { title: '最早截止', render: (_, r) => formatTime(r.earliestDueAt) },
          { title: '上次提醒', render: (_, r) => (r.lastRemindedAt ? `${formatTime(r.lastRemindedAt)}${r.recentlyReminded ? '（24 小时内）' : ''}` : '—') },
        ]}
      />
    </Card>
  );
}
