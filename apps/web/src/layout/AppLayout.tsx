import { Suspense } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { Badge, Button, Layout, Menu, Space, Spin, Typography } from 'antd';
import { BellOutlined, LogoutOutlined } from '@ant-design/icons';
import { api } from '../api/client';
import type { Role, UnreadCount } from '../api/types';
import { useAuth, useUser } from '../auth/AuthContext';
import { ROLE_LABELS } from '../lib/labels';
import { useResource } from '../lib/useResource';

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
    { key: '/office/applications', label: '待推荐申报' },
    { key: '/inbox', label: '消息通知' },
  ],
  admin: [
    { key: '/office/workbench', label: '工作台' },
    { key: '/office/applications', label: '申报管理' },
    { key: '/office/cycles', label: '评审周期' },
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

export default function AppLayout() {
  const user = useUser();
  const { logout } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const unread = useResource(() => api.get<UnreadCount>('/notifications/unread-count'), [user.id], { pollMs: 15_000 });
  const items = MENUS[user.role];
  const selected = items.map((i) => i.key).filter((k) => location.pathname.startsWith(k)).sort((a, b) => b.length - a.length)[0];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', paddingInline: 24 }}>
        <Link to="/" style={{ color: '#fff', fontSize: 18, fontWeight: 600 }}>
          质量奖评审平台
        </Link>
        <Space size="middle">
          <Link to="/inbox" aria-label="消息通知">
            <Badge count={unread.data?.unreadCount ?? 0} size="small">
              <BellOutlined style={{ color: '#fff', fontSize: 18 }} />
            </Badge>
          </Link>
          <Typography.Text style={{ color: '#fff' }} data-testid="current-user">
            {user.displayName}（{ROLE_LABELS[user.role]}）
          </Typography.Text>
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
        <Layout.Sider width={200} theme="light" breakpoint="lg" collapsedWidth={0}>
          <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={items} onClick={(e) => navigate(e.key)} style={{ height: '100%' }} />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>
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
