import { useMemo, useState } from 'react';
import { App, Button, Card, Col, Descriptions, Empty, Form, Input, Popconfirm, Row, Select, Space, Table, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { api } from '../../api/client';
import type { Office, OfficeMember, OfficePage, User } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../components/formErrors';
import { ROLE_LABELS } from '../../lib/labels';
import { useResource } from '../../lib/useResource';
import { type Page, WHOLE_LIST_QUERY } from '../../lib/paging';

/** The roles an office has members of (an enterprise's account acts for its organisation, not an office). */
const STAFF_ROLES = new Set<User['role']>(['admin', 'reviewer', 'recommender']);

/** Every office the admin manages: GET /offices pages by 100 (重庆 has 39). */
async function managedOffices(): Promise<Office[]> {
  const offices: Office[] = [];
  for (let page = 1; ; page++) {
    const answer = await api.get<OfficePage>('/offices', { query: { page, pageSize: 100 } });
    offices.push(...answer.items);
    if (offices.length >= answer.total || answer.items.length === 0) return offices;
  }
}

/**
 * The offices as a tree: an office whose parent the admin does not manage is a root (the city for the
 * city's admin, its own district for a district's admin). Children by division code, as the API sorts.
 */
function officeTree(offices: Office[]): DataNode[] {
  const ids = new Set(offices.map((o) => o.id));
  const children = new Map<string, Office[]>();
  for (const o of offices) {
    const parent = o.parentId && ids.has(o.parentId) ? o.parentId : '';
    children.set(parent, [...(children.get(parent) ?? []), o]);
  }
  const node = (o: Office): DataNode => ({
    key: o.id,
    title: (
      <span data-testid={`office-node-${o.divisionCode}`}>
        {o.name} <Typography.Text type="secondary">{o.divisionCode}</Typography.Text>
      </span>
    ),
    children: (children.get(o.id) ?? []).map(node),
  });
  return (children.get('') ?? []).map(node);
}

/** 机构管理: the office tree the admin manages, new offices under it, and who belongs to each. */
export default function OfficesPage() {
  const offices = useResource(managedOffices, []);
  const [selectedId, setSelectedId] = useState<string>();
  const list = offices.data ?? [];
  const tree = useMemo(() => officeTree(list), [list]);
  const selected = list.find((o) => o.id === selectedId) ?? list.find((o) => !o.parentId || !list.some((p) => p.id === o.parentId));

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title="机构管理">
        <ErrorAlert error={offices.error} />
        <Row gutter={24}>
          <Col xs={24} md={10}>
            <Typography.Paragraph type="secondary">共 {list.length} 个机构（含下级），行政区划代码按 GB/T 2260。</Typography.Paragraph>
            {offices.data && (
              <Tree
                treeData={tree}
                defaultExpandAll
                selectedKeys={selected ? [selected.id] : []}
                onSelect={(keys) => keys[0] && setSelectedId(String(keys[0]))}
              />
            )}
          </Col>
          <Col xs={24} md={14}>{selected ? <OfficeDetail key={selected.id} office={selected} offices={list} /> : <Empty description="没有可管理的机构" />}</Col>
        </Row>
      </Card>
      <CreateOffice
        offices={list}
        onCreated={async (o) => {
          await offices.reload();
          setSelectedId(o.id);
        }}
      />
    </Space>
  );
}

function OfficeDetail({ office, offices }: { office: Office; offices: Office[] }) {
  const { message } = App.useApp();
  const users = useResource(() => api.get<Page<User>>('/users', WHOLE_LIST_QUERY), []);
  const [error, setError] = useState<unknown>();
  const [adding, setAdding] = useState<string>();
  const parent = offices.find((o) => o.id === office.parentId);
  const members = (users.data?.items ?? []).filter((u) => u.officeIds.includes(office.id));
  const candidates = (users.data?.items ?? []).filter((u) => STAFF_ROLES.has(u.role) && !u.officeIds.includes(office.id));

  const add = async () => {
    if (!adding) return;
    setError(undefined);
    try {
      const member = await api.put<OfficeMember>(`/offices/${office.id}/members/${adding}`);
      message.success(`已将 ${member.displayName} 加入 ${office.name}`);
      setAdding(undefined);
      await users.reload();
    } catch (e) {
      setError(e);
    }
  };
  const remove = async (user: User) => {
    setError(undefined);
    try {
      await api.delete(`/offices/${office.id}/members/${user.id}`);
      message.success(`已将 ${user.displayName} 移出 ${office.name}`);
      await users.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div data-testid="office-detail">
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="机构名称">
          <span data-testid="office-name">{office.name}</span>
        </Descriptions.Item>
        <Descriptions.Item label="机构代码">{office.code}</Descriptions.Item>
        <Descriptions.Item label="行政区划代码">{office.divisionCode}</Descriptions.Item>
        <Descriptions.Item label="上级机构">{parent ? parent.name : office.parentId ? '（上级机构不在您的管理范围内）' : '无（顶级机构）'}</Descriptions.Item>
      </Descriptions>
      <ErrorAlert error={error ?? users.error} />
      <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
        <Select
          data-testid="member-candidate"
          showSearch
          allowClear
          placeholder="选择管理员、评审专家或推荐单位账号加入本机构"
          aria-label="加入本机构的账号"
          optionFilterProp="label"
          value={adding}
          onChange={setAdding}
          style={{ flex: 1, minWidth: 0 }}
          options={candidates.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}，${ROLE_LABELS[u.role]}）` }))}
        />
        <Button type="primary" disabled={!adding} onClick={add} data-testid="add-member">
          加入本机构
        </Button>
      </Space.Compact>
      <div data-testid="office-members">
        <Table<User>
          rowKey="id"
          size="small"
          loading={users.loading}
          dataSource={members}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: '本机构暂无成员' }}
          columns={[
            { title: '用户名', dataIndex: 'username' },
            { title: '姓名/名称', dataIndex: 'displayName' },
            { title: '角色', render: (_, u) => <Tag>{ROLE_LABELS[u.role]}</Tag> },
            { title: '状态', render: (_, u) => (u.isActive ? '启用' : '停用') },
            {
              title: '操作',
              render: (_, u) => (
                <Popconfirm title={`将 ${u.displayName} 移出 ${office.name}？下次请求即生效`} okText="移出" cancelText="取消" onConfirm={() => remove(u)}>
                  <Button type="link" size="small" danger>
                    移出
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </div>
    </div>
  );
}

function CreateOffice({ offices, onCreated }: { offices: Office[]; onCreated: (office: Office) => Promise<void> }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>();
  const create = async (values: { name: string; code: string; divisionCode: string; parentId?: string }) => {
    setError(undefined);
    try {
      const office = await api.post<Office>('/offices', { ...values, parentId: values.parentId || undefined });
      message.success(`已新建机构 ${office.name}`);
      form.resetFields();
      await onCreated(office);
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e);
    }
  };
  return (
    <Card title="新建机构">
      <div data-testid="create-office">
        <ErrorAlert error={error} />
        <Form form={form} layout="vertical" onFinish={create}>
          <Row gutter={12}>
            <Col xs={24} md={7}>
              <Form.Item name="name" label="机构名称" rules={[{ required: true, min: 2, message: '请填写机构名称（至少 2 个字）' }]}>
                <Input placeholder="如 重庆市万州区市场监督管理局" />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="divisionCode" label="行政区划代码" rules={[{ required: true, message: '请填写 6 位行政区划代码' }]}>
                <Input placeholder="如 500101" maxLength={6} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="code" label="机构代码" rules={[{ required: true, message: '请填写机构代码' }]}>
                <Input placeholder="如 CQ-500101" />
              </Form.Item>
            </Col>
            <Col xs={18} md={6}>
              <Form.Item name="parentId" label="上级机构">
                <Select
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  placeholder="不选：顶级机构"
                  options={offices.map((o) => ({ value: o.id, label: `${o.name}（${o.divisionCode}）` }))}
                />
              </Form.Item>
            </Col>
            <Col xs={6} md={3}>
              <Form.Item label=" ">
                <Button htmlType="submit" type="primary">
                  新建机构
                </Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </div>
    </Card>
  );
}
