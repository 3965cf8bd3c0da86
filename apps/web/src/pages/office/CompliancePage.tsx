import { useState } from 'react';
import { DAY_FORMAT } from '@awardflow/rules';
import { App, Button, Card, Drawer, Form, Input, List, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import type { BlacklistEntry, ComplianceRecord, Organization } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../components/formErrors';
import { formatDate, formatTime } from '../../lib/format';
import { RECORD_KIND_LABELS } from '../../lib/labels';
import { useResource } from '../../lib/useResource';
import { useListFilters } from '../../lib/useListFilters';
import { type Page, useServerPaging, useServerSort } from '../../lib/paging';

/** 信用与黑名单: organisations' credit grades and compliance records, and the active blacklist. */
export default function CompliancePage() {
  return (
    <Card title="信用等级与黑名单">
      <Tabs
        items={[
          { key: 'orgs', label: '申报单位', children: <Organizations /> },
          { key: 'blacklist', label: '质量信用黑名单', children: <Blacklist /> },
        ]}
      />
    </Card>
  );
}

function Organizations() {
  const { message, modal } = App.useApp();
  const paging = useServerPaging();
  // Sorted by the server (名称, 统一社会信用代码, 注册时间), so the order holds across pages.
  const sorting = useServerSort<Organization>(paging.reset);
  const { filters, set: filter } = useListFilters<{ search?: string }>(paging.reset, {});
  const orgs = useResource(
    () => api.get<Page<Organization>>('/organizations', { query: { search: filters.search, sort: sorting.sort, page: paging.page, pageSize: paging.pageSize } }),
    [filters.search, sorting.sort, paging.page, paging.pageSize],
  );
  const [error, setError] = useState<unknown>();
  const [open, setOpen] = useState<Organization>();

  // A grade decides eligibility: the office says why it changes, and the audit keeps the reason.
  const grade = (org: Organization, value: string) => {
    setError(undefined);
    let reason = '';
    modal.confirm({
      title: `将 ${org.name} 的质量信用等级设为 ${value} 级`,
      content: (
        <Input.TextArea
          aria-label="调整理由"
          placeholder="调整理由（必填，如评定文件的文号），将记入审计日志"
          rows={3}
          maxLength={500}
          onChange={(e) => (reason = e.target.value)}
          data-testid="grade-reason"
        />
      ),
      okText: '确定',
      cancelText: '取消',
      onOk: async () => {
        if (!reason.trim()) {
          message.error('请填写调整理由');
          throw new Error('reason required');
        }
        try {
          await api.put(`/admin/organizations/${org.id}/credit-grade`, { grade: value, reason: reason.trim() });
          message.success(`${org.name} 的质量信用等级已设为 ${value} 级`);
          await orgs.reload();
        } catch (e) {
          setError(e);
        }
      },
    });
  };

  return (
    <>
      <Input.Search
        placeholder="单位名称或统一社会信用代码"
        allowClear
        onSearch={(v) => filter({ search: v.trim() || undefined })}
        style={{ width: 320, marginBottom: 12 }}
        data-testid="org-search"
      />
      <ErrorAlert error={error ?? orgs.error} onClose={() => setError(undefined)} />
      <Table<Organization>
        rowKey="id"
        size="small"
        loading={orgs.loading}
        dataSource={orgs.data?.items ?? []}
        pagination={paging.pagination(orgs.data?.total, '家')}
        onChange={sorting.onChange}
        columns={[
          { title: '单位名称', dataIndex: 'name', ...sorting.sortable('name') },
          { title: '统一社会信用代码', dataIndex: 'uscc', ...sorting.sortable('uscc') },
          { title: '行政区划', dataIndex: 'regionCode' },
          { title: '行业', dataIndex: 'industry' },
          {
            title: '质量信用等级',
            render: (_, o) => (
              <Select
                size="small"
                style={{ width: 100 }}
                placeholder="未评定"
                aria-label={`${o.name}的质量信用等级`}
                value={o.creditGrade ?? undefined}
                onChange={(v) => grade(o, v)}
                options={['A', 'B', 'C', 'D'].map((g) => ({ value: g, label: `${g} 级` }))}
                data-testid={`grade-${o.uscc}`}
              />
            ),
          },
          { title: '注册时间', dataIndex: 'createdAt', ...sorting.sortable('createdAt'), render: (v: string) => formatTime(v) },
          { title: '', render: (_, o) => <Button size="small" onClick={() => setOpen(o)}>信用记录</Button> },
        ]}
      />
      <Drawer open={!!open} width={560} title={open ? `信用记录：${open.name}` : ''} onClose={() => setOpen(undefined)} destroyOnHidden>
        {open && <Records org={open} />}
      </Drawer>
    </>
  );
}

function Records({ org }: { org: Organization }) {
  const { message } = App.useApp();
  const records = useResource(() => api.get<ComplianceRecord[]>(`/admin/organizations/${org.id}/records`), [org.id]);
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>();
  const add = async (values: Record<string, string>) => {
    setError(undefined);
    try {
      const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v));
      await api.post(`/admin/organizations/${org.id}/records`, body);
      message.success('已添加记录');
      form.resetFields();
      await records.reload();
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e);
    }
  };
  const remove = async (r: ComplianceRecord) => {
    try {
      await api.delete(`/admin/records/${r.id}`);
      await records.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <ErrorAlert error={error ?? records.error} onClose={() => setError(undefined)} />
      <List
        size="small"
        dataSource={records.data ?? []}
        locale={{ emptyText: '无记录' }}
        renderItem={(r) => (
          <List.Item
            actions={[
              <Popconfirm key="d" title="删除此记录？" okText="删除" cancelText="取消" onConfirm={() => remove(r)}>
                <Button size="small" type="link" danger>
                  删除
                </Button>
              </Popconfirm>,
            ]}
          >
            <div>
              <Tag color={r.kind === 'blacklist' || r.kind === 'dishonest_debtor' ? 'red' : 'orange'}>{RECORD_KIND_LABELS[r.kind] ?? r.kind}</Tag>
              {r.reason}
              <div>
                <Typography.Text type="secondary">
                  {r.occurredAt && `发生 ${formatDate(r.occurredAt)} `}
                  {(r.from || r.until) && `期间 ${formatDate(r.from)} 至 ${r.until ? formatDate(r.until) : '长期'}`}
                </Typography.Text>
              </div>
            </div>
          </List.Item>
        )}
      />
      <Typography.Title level={5}>添加记录</Typography.Title>
      <Form form={form} layout="vertical" onFinish={add}>
        <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
          <Select options={Object.entries(RECORD_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="reason" label="事由" rules={[{ required: true, min: 2, message: '请填写事由' }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="occurredAt" label="发生日期" rules={[{ pattern: DAY_FORMAT, message: 'YYYY-MM-DD' }]}>
            <Input placeholder="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item name="from" label="起始日期" rules={[{ pattern: DAY_FORMAT, message: 'YYYY-MM-DD' }]}>
            <Input placeholder="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item name="until" label="截止日期" rules={[{ pattern: DAY_FORMAT, message: 'YYYY-MM-DD' }]}>
            <Input placeholder="YYYY-MM-DD（空为长期）" />
          </Form.Item>
        </Space>
        <Button htmlType="submit" type="primary">
          添加
        </Button>
      </Form>
    </>
  );
}

function Blacklist() {
  const paging = useServerPaging();
  const list = useResource(() => api.get<Page<BlacklistEntry>>('/admin/blacklist', { query: { page: paging.page, pageSize: paging.pageSize } }), [paging.page, paging.pageSize]);
  return (
    <>
      <ErrorAlert error={list.error} />
      <Table
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ ...paging.pagination(list.data?.total), hideOnSinglePage: true }}
        locale={{ emptyText: '黑名单为空' }}
        columns={[
          { title: '单位', dataIndex: 'organizationName' },
          { title: '统一社会信用代码', dataIndex: 'uscc' },
          { title: '事由', dataIndex: 'reason' },
          { title: '起始', render: (_, r) => formatDate(r.from) },
          { title: '截止', render: (_, r) => (r.until ? formatDate(r.until) : '长期') },
        ]}
      />
    </>
  );
}
