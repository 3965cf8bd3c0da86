import { useNavigate } from 'react-router';
import { App, Badge, Button, Card, List, Typography } from 'antd';
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
  const inbox = useResource(() => api.get<Inbox>('/notifications', { query: { page: paging.page, pageSize: paging.pageSize } }), [paging.page, paging.pageSize], { pollMs: 10_000 });

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
    <Card title={`消息通知${inbox.data ? `（未读 ${inbox.data.unreadCount}）` : ''}`} extra={<Button onClick={readAll}>全部标为已读</Button>}>
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
