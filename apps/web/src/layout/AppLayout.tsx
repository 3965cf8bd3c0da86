import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { Badge, Button, Drawer, Grid, Layout, Menu, Space, Spin, Typography } from 'antd';
import { BellOutlined, LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { api } from '../api/client';
import type { Role, UnreadCount } from '../api/types';
import { useAuth, useUser } from '../auth/AuthContext';
import { ROLE_LABELS } from '../lib/labels';
import { useResource } from '../lib/useResource';
import { PageHeading } from '../components/PageHeading';

/** The recommender's list: what waits for its 推荐 (the application list filtered to that state). */
const RECOMMENDER_LIST = '/office/applications?state=awaiting_endorsement';

const MENUS: Record<Role, Array<{ key: string; label: string }>> = {
  applicant: [
    { key: '/my/applications', label: '我的申报' },
    { key: '/my/cycles', label: '可申报的评审' },
    { key: '/my/organization', label: '单位信息' },
    { key: '/inbox', label: '消息通知' },
  ],
  reviewer: [
    { key: '/expert/tasks', label: '待办' },
    { key: '/expert/assignments', label: '我的评审任务' },
    { key: '/inbox', label: '消息通知' },
  ],
  recommender: [
    { key: RECOMMENDER_LIST, label: '待推荐申报' },
    { key: '/inbox', label: '消息通知' },
  ],
  admin: [
    { key: '/office/workbench', label: '工作台' },
    { key: '/office/applications', label: '申报管理' },
    { key: '/office/cycles', label: '评审周期' },
    { key: '/office/deadlines', label: '期限管理' },
    { key: '/office/flags', label: '待分配专家' },
    { key: '/office/rechecks', label: '老字号复核' },
    { key: '/office/compliance', label: '信用与黑名单' },
    { key: '/office/people', label: '用户与专家库' },
    { key: '/office/offices', label: '机构管理' },
    { key: '/office/jobs', label: '失败任务' },
    { key: '/office/stats', label: '统计' },
    { key: '/expert/assignments', label: '我的评审任务' },
    { key: '/inbox', label: '消息通知' },
  ],
};

/** A menu key's path (the recommender's carries a query), to match the address against. */
const pathOf = (key: string) => key.split('?')[0];

export default function AppLayout() {
  const user = useUser();
  const { logout } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  // Below lg (tablets, phones) the menu is a drawer behind a button; before the first measurement, the desktop.
  const narrow = screens.lg === false;
  const phone = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const unread = useResource(() => api.get<UnreadCount>('/notifications/unread-count'), [user.id], { pollMs: 15_000 });
  const unreadCount = unread.data?.unreadCount ?? 0;
  const items = MENUS[user.role];
  const selected = items.map((i) => i.key).filter((k) => location.pathname.startsWith(pathOf(k))).sort((a, b) => b.length - a.length)[0];
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      items={items}
      onClick={(e) => {
        setDrawerOpen(false);
        navigate(e.key);
      }}
      style={{ height: '100%', borderInlineEnd: 'none' }}
    />
  );
  const userName = (
    <Typography.Text style={{ color: phone ? undefined : '#fff' }} data-testid="current-user">
      {user.displayName}（{ROLE_LABELS[user.role]}）
    </Typography.Text>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8, paddingInline: phone ? 12 : 24 }}>
        <Space size="small" style={{ minWidth: 0 }}>
          {narrow && (
            <Button type="text" icon={<MenuOutlined style={{ color: '#fff', fontSize: 18 }} />} aria-label="打开菜单" data-testid="menu-button" onClick={() => setDrawerOpen(true)} />
          )}
          <Link to="/" style={{ color: '#fff', fontSize: phone ? 16 : 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
            质量奖评审平台
          </Link>
        </Space>
        <Space size={phone ? 'small' : 'middle'}>
          {/* The name carries the count the badge shows: a name must contain the visible text. */}
          <Link to="/inbox" aria-label={unreadCount ? `消息通知 ${unreadCount > 99 ? '99+' : unreadCount} 条未读` : '消息通知'}>
            <Badge count={unreadCount} size="small">
              <BellOutlined style={{ color: '#fff', fontSize: 18 }} />
            </Badge>
          </Link>
          {!phone && userName}
          <Button
            size="small"
            icon={<LogoutOutlined />}
            onClick={() => {
              logout();
              navigate('/login');
            }}
          >
            退出
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        {narrow ? (
          <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={240} title={phone ? userName : '菜单'} styles={{ body: { padding: 0 } }}>
            <nav aria-label="主菜单">{menu}</nav>
          </Drawer>
        ) : (
          <Layout.Sider width={200} theme="light">
            <nav aria-label="主菜单" style={{ height: '100%' }}>
              {menu}
            </nav>
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: phone ? 8 : 24, minWidth: 0 }}>
          <PageHeading override={user.role === 'recommender' && location.pathname.startsWith('/office/applications') ? '待推荐申报' : undefined} />
          <Suspense
            fallback={
              <div style={{ padding: 48, textAlign: 'center' }}>
                <Spin />
              </div>
            }
          >
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
