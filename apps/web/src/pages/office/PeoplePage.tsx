import { useState } from 'react';
import { USERNAME } from '@awardflow/rules';
import { App, Button, Card, Col, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Table, Tabs, Tag } from 'antd';
import { api } from '../../api/client';
import type { AwardSummary, ReviewerProfile, Role, User } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../components/formErrors';
import { formatTime } from '../../lib/format';
import { ROLE_LABELS } from '../../lib/labels';
import { useResource } from '../../lib/useResource';
import { useListFilters } from '../../lib/useListFilters';
import { type Page, sortParam, sortableColumn, useServerPaging, useServerSort, WHOLE_LIST } from '../../lib/paging';

/** 用户与专家库: accounts (enterprises, experts, recommenders, staff) and the office's reviewer pool. */
export default function PeoplePage() {
  return (
    <Card title="用户与专家库">
      <Tabs
        items={[
          { key: 'users', label: '用户', children: <Users /> },
          { key: 'pool', label: '专家库', children: <Pool /> },
        ]}
      />
    </Card>
  );
}

function Users() {
  const { message } = App.useApp();
  // Paged, filtered and sorted by the server: the role filter and the 用户名 order are query params.
  const paging = useServerPaging();
  const { filters: filter, set: setFilter } = useListFilters<{ role?: Role; search?: string; sort?: string }>(paging.reset, {});
  const users = useResource(
    () => api.get<Page<User>>('/users', { query: { ...filter, page: paging.page, pageSize: paging.pageSize } }),
    [filter.role, filter.search, filter.sort, paging.page, paging.pageSize],
  );
  const awards = useResource(() => api.get<AwardSummary[]>('/awards'), []);
  const [form] = Form.useForm();
  const role = Form.useWatch('role', form) as Role | undefined;
  const [error, setError] = useState<unknown>();
  const create = async (values: { username: string; displayName: string; password: string; role: Role; email?: string; recommendsDivisionCode?: string; recommendsAwardCodes?: string[] }) => {
    setError(undefined);
    try {
      // A recommender's scope: the division whose organisations it recommends, the awards it recommends for.
      const scope = values.role === 'recommender' ? { recommendsDivisionCode: values.recommendsDivisionCode?.trim() || undefined, recommendsAwardCodes: values.recommendsAwardCodes?.length ? values.recommendsAwardCodes : undefined } : {};
      await api.post('/users', { username: values.username, displayName: values.displayName, password: values.password, role: values.role, email: values.email || undefined, ...scope });
      message.success(`已创建用户 ${values.username}`);
      form.resetFields();
      await users.reload();
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e);
    }
  };
  // Takes effect on the user's next request: a disabled account's sessions end at once.
  const setActive = async (user: User, isActive: boolean) => {
    setError(undefined);
    try {
      await api.patch(`/users/${user.id}`, { isActive });
      message.success(`${isActive ? '已启用' : '已停用'} ${user.username}`);
      await users.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={create} initialValues={{ role: 'applicant' }}>
        <Row gutter={12}>
          <Col xs={12} md={4}>
            <Form.Item name="username" label="用户名" rules={[{ required: true, pattern: USERNAME.pattern, message: `用户名${USERNAME.hint}` }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="displayName" label="姓名/名称" rules={[{ required: true, message: '请填写' }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="password" label="初始密码" rules={[{ required: true, min: 12, message: '至少 12 位，且不能是常见密码' }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="role" label="角色">
              <Select options={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={5}>
            <Form.Item name="email" label="邮箱" rules={[{ type: 'email', message: '邮箱地址格式不正确' }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={12} md={3}>
            <Form.Item label=" ">
              <Button htmlType="submit" type="primary">
                创建用户
              </Button>
            </Form.Item>
          </Col>
        </Row>
        {role === 'recommender' && (
          <Row gutter={12}>
            <Col xs={12} md={6}>
              <Form.Item name="recommendsDivisionCode" label="推荐范围·行政区划" extra="区县推荐单位填本区县代码（如 500107）；只能查看、推荐该区县的申报单位。留空为不限。" rules={[{ pattern: /^\d{6}$/, message: '须为 6 位行政区划代码' }]}>
                <Input maxLength={6} />
              </Form.Item>
            </Col>
            <Col xs={12} md={10}>
              <Form.Item name="recommendsAwardCodes" label="推荐范围·奖项" extra="行业协会只推荐其负责的奖项（如 鲁班奖）。留空为不限。">
                <Select mode="multiple" allowClear options={(awards.data ?? []).map((a) => ({ value: a.code, label: a.name }))} />
              </Form.Item>
            </Col>
          </Row>
        )}
      </Form>
      <Input.Search
        allowClear
        placeholder="用户名或姓名"
        style={{ width: 260, marginBottom: 12 }}
        onSearch={(v) => setFilter({ search: v.trim() || undefined })}
        data-testid="users-search"
      />
      <Table<User>
        rowKey="id"
        size="small"
        loading={users.loading}
        dataSource={users.data?.items ?? []}
        pagination={paging.pagination(users.data?.total, '个')}
        onChange={(_, filters, sorter) => {
          // The role column filters and the 用户名 column sorts: both are query params.
          const role = (filters.role?.[0] as Role | undefined) ?? undefined;
          const sort = sortParam(sorter);
          // Also called when the page turns: only a new role or order is another list.
          if (role !== filter.role || sort !== filter.sort) setFilter({ role, sort });
        }}
        columns={[
          { title: '用户名', dataIndex: 'username', ...sortableColumn(filter.sort, 'username') },
          { title: '姓名/名称', dataIndex: 'displayName' },
          {
            title: '角色',
            key: 'role',
            filters: Object.entries(ROLE_LABELS).map(([value, text]) => ({ value, text })),
            filterMultiple: false,
            filteredValue: filter.role ? [filter.role] : null,
            render: (_, u) => {
              const scoped = u as User & { recommendsDivisionCode?: string | null; recommendsAwardCodes?: string[] | null };
              const names = (scoped.recommendsAwardCodes ?? []).map((c) => awards.data?.find((a) => a.code === c)?.name ?? c);
              return (
                <>
                  <Tag>{ROLE_LABELS[u.role]}</Tag>
                  {scoped.recommendsDivisionCode && <Tag color="blue">{scoped.recommendsDivisionCode}</Tag>}
                  {names.map((n) => <Tag key={n} color="purple">{n}</Tag>)}
                </>
              );
            },
          },
          { title: '邮箱', dataIndex: 'email' },
          {
            title: '状态',
            render: (_, u) => (
              <>
                {u.isActive ? '启用' : '停用'}{' '}
                <Popconfirm
                  title={u.isActive ? `停用 ${u.username}？其登录会立即失效` : `启用 ${u.username}？`}
                  okText={u.isActive ? '停用' : '启用'}
                  cancelText="取消"
                  onConfirm={() => setActive(u, !u.isActive)}
                >
                  <Button type="link" size="small">
                    {u.isActive ? '停用' : '启用'}
                  </Button>
                </Popconfirm>
              </>
            ),
          },
          { title: '创建时间', render: (_, u) => formatTime(u.createdAt) },
        ]}
      />
    </>
  );
}

function Pool() {
  const { message } = App.useApp();
  const paging = useServerPaging();
  const sorting = useServerSort<ReviewerProfile>(paging.reset);
  // 专家库 searched by name and filtered by field (C covers C38) on the server.
  const { filters: filter, set: filtered } = useListFilters<{ search?: string; expertise?: string }>(paging.reset, {});
  const pool = useResource(
    () => api.get<Page<ReviewerProfile>>('/reviews/reviewers', { query: { ...filter, sort: sorting.sort, page: paging.page, pageSize: paging.pageSize } }),
    [filter.search, filter.expertise, sorting.sort, paging.page, paging.pageSize],
  );
  // The office's expert accounts, to add one to the pool.
  const users = useResource(() => api.get<Page<User>>('/users', { query: { role: 'reviewer', ...WHOLE_LIST } }), []);
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>();
  const register = async (values: { userId: string; expertise: string; ties?: string; maxLoad?: number }) => {
    setError(undefined);
    const split = (s?: string) => (s ?? '').split(/[\s,，、]+/).filter(Boolean);
    try {
      await api.post('/reviews/reviewers', { userId: values.userId, expertise: split(values.expertise), ties: split(values.ties), maxLoad: values.maxLoad ?? undefined });
      message.success('已登记到专家库');
      await pool.reload();
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e);
    }
  };
  return (
    <>
      <ErrorAlert error={error ?? pool.error} />
      <Form form={form} layout="vertical" onFinish={register}>
        <Row gutter={12}>
          <Col xs={24} md={6}>
            <Form.Item name="userId" label="专家" rules={[{ required: true, message: '请选择专家账号' }]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={(users.data?.items ?? []).filter((u) => u.role === 'reviewer').map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={5}>
            <Form.Item name="expertise" label="专业领域（GB/T 4754，逗号分隔）" rules={[{ required: true, message: '如 C 或 C38' }]}>
              <Input placeholder="C, C38" />
            </Form.Item>
          </Col>
          <Col xs={24} md={7}>
            <Form.Item name="ties" label="关联单位信用代码（回避，逗号分隔）">
              <Input />
            </Form.Item>
          </Col>
          <Col xs={12} md={3}>
            <Form.Item name="maxLoad" label="最大任务数">
              <InputNumber min={1} max={200} precision={0} placeholder="15" />
            </Form.Item>
          </Col>
          <Col xs={12} md={3}>
            <Form.Item label=" ">
              <Button htmlType="submit" type="primary">
                登记/更新
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder="专家姓名" aria-label="专家姓名" style={{ width: 220 }} onSearch={(v) => filtered({ search: v.trim() || undefined })} data-testid="pool-search" />
        <Input.Search
          allowClear
          placeholder="专业领域，如 C 或 C38"
          aria-label="专业领域"
          style={{ width: 220 }}
          onSearch={(v) => filtered({ expertise: v.trim().toUpperCase() || undefined })}
          data-testid="pool-expertise"
        />
      </Space>
      <Table<ReviewerProfile>
        rowKey="userId"
        size="small"
        loading={pool.loading}
        dataSource={pool.data?.items ?? []}
        pagination={{ ...paging.pagination(pool.data?.total, '位'), hideOnSinglePage: true }}
        onChange={sorting.onChange}
        columns={[
          { title: '专家', dataIndex: 'displayName', ...sorting.sortable('displayName') },
          { title: '专业领域', render: (_, r) => r.expertise.join('、') },
          { title: '关联单位', render: (_, r) => r.ties.join('、') || '—' },
          { title: '在评/上限', ...sorting.sortable('openAssignments'), render: (_, r) => `${r.openAssignments}/${r.maxLoad}` },
          { title: '状态', render: (_, r) => (r.active ? '在库' : '停用') },
        ]}
      />
    </>
  );
}
