import { useNavigate } from 'react-router';
import { useState } from 'react';
import { App, Badge, Button, Card, Checkbox, List, Select, Space, Typography } from 'antd';
import { api } from '../api/client';
import { errorText } from '../api/errors';
import type { Inbox, Notification } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatTime } from '../lib/format';
import { useResource } from '../lib/useResource';
import { useServerPaging } from '../lib/paging';

/** Notification links point at API paths; the console's page for each. */
export function consoleLink(link: string | null): string | null {
  if (!link) return null;
  const path = link.replace(/^https?:\/\/[^/]+/, '');
  const application = /^\/applications\/([0-9a-fA-F-]{36})/.exec(path);
  if (application) return `/application/${application[1]}`;
  if (path.startsWith('/reviews')) return '/expert/assignments';
  return null;
}

export default function InboxPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const paging = useServerPaging();
  // Sorted and filtered by the server (时间 either way, 仅看未读), so both hold across pages.
  const [sort, setSort] = useState<'-createdAt' | 'createdAt'>('-createdAt');
  const [unread, setUnread] = useState(false);
  const inbox = useResource(
    () => api.get<Inbox>('/notifications', { query: { sort, unread: unread || undefined, page: paging.page, pageSize: paging.pageSize } }),
    [sort, unread, paging.page, paging.pageSize],
    { pollMs: 10_000 },
  );

  const open = async (n: Notification) => {
    if (!n.readAt) await api.post(`/notifications/${n.id}/read`).catch(() => undefined);
    const to = consoleLink(n.link);
    if (to) navigate(to);
    else void inbox.reload();
  };
  const readAll = async () => {
    try {
      await api.post('/notifications/read-all');
      await inbox.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <Card title={`消息通知${inbox.data ? `（未读 ${inbox.data.unreadCount}）` : ''}`} extra={
        <Space>
          <Checkbox checked={unread} onChange={(e) => { setUnread(e.target.checked); paging.reset(); }} data-testid="inbox-unread">仅看未读</Checkbox>
          <Select
            size="small"
            aria-label="排序"
            value={sort}
            onChange={(v) => { setSort(v); paging.reset(); }}
            options={[{ value: '-createdAt', label: '最新在前' }, { value: 'createdAt', label: '最早在前' }]}
            data-testid="inbox-sort"
          />
          <Button onClick={readAll}>全部标为已读</Button>
        </Space>
      }>
      <ErrorAlert error={inbox.error} />
      <List
        loading={inbox.loading}
        dataSource={inbox.data?.items ?? []}
        locale={{ emptyText: '暂无消息' }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: inbox.data?.total ?? 0,
          showSizeChanger: true,
          hideOnSinglePage: true,
          onChange: paging.pagination(inbox.data?.total).onChange,
        }}
        renderItem={(n) => (
          <List.Item style={{ cursor: 'pointer' }} onClick={() => void open(n)} data-testid="notification">
            <List.Item.Meta
              title={
                <>
                  {!n.readAt && <Badge status="processing" />} <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                </>
              }
              description={
                <>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{n.body.replace(/\n?详情请登录查看：\S+/, '')}</div>
                  <Typography.Text type="secondary">{formatTime(n.createdAt)}</Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
