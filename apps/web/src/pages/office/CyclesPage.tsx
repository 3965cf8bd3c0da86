import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Card, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { api } from '../../api/client';
import type { ClosedCycle, Cycle } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatTime } from '../../lib/format';
import { CYCLE_STATUS_COLORS, CYCLE_STATUS_LABELS } from '../../lib/labels';
import { useResource } from '../../lib/useResource';
import { type Page, useServerPaging } from '../../lib/paging';

/** 评审周期: the office's cycles; open and close them here, details and ranking per cycle. */
export default function CyclesPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const paging = useServerPaging();
  const [status, setStatus] = useState<string>();
  const cycles = useResource(() => api.get<Page<Cycle>>('/cycles', { query: { status, page: paging.page, pageSize: paging.pageSize } }), [status, paging.page, paging.pageSize]);
  const [error, setError] = useState<unknown>();

  const act = async (cycle: Cycle, what: 'open' | 'close') => {
    setError(undefined);
    try {
      const res = await api.post<ClosedCycle>(`/cycles/${cycle.id}/${what}`);
      message.success(what === 'open' ? `「${cycle.title}」已开放申报` : `「${cycle.title}」已截止申报：${res.movedToReview ?? 0} 份进入评审，${res.expired ?? 0} 份草稿逾期`);
      await cycles.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Card title="评审周期" extra={<Button type="primary" onClick={() => navigate('/office/cycles/new')}>新建评审周期</Button>}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="全部状态"
          aria-label="状态"
          style={{ width: 180 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            paging.reset();
          }}
          options={Object.entries(CYCLE_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
          data-testid="filter-cycle-status"
        />
      </Space>
      <ErrorAlert error={error ?? cycles.error} onClose={() => setError(undefined)} />
      <Table<Cycle>
        rowKey="id"
        loading={cycles.loading}
        dataSource={cycles.data?.items ?? []}
        pagination={paging.pagination(cycles.data?.total, '个')}
        columns={[
          { title: '标题', render: (_, c) => <Link to={`/office/cycles/${c.id}`}>{c.title}</Link> },
          { title: '奖项', dataIndex: 'awardName' },
          { title: '年度', dataIndex: 'year' },
          { title: '状态', render: (_, c) => <Tag color={CYCLE_STATUS_COLORS[c.status]}>{CYCLE_STATUS_LABELS[c.status]}</Tag> },
          { title: '申报截止', render: (_, c) => formatTime(c.applicationClosesAt) },
          {
            title: '操作',
            render: (_, c) => (
              <Space>
                {c.status === 'draft' && (
                  <Popconfirm title="开放申报后评审阶段不能再修改，确定开放？" okText="确定" cancelText="取消" onConfirm={() => act(c, 'open')}>
                    <Button size="small" type="primary">开放申报</Button>
                  </Popconfirm>
                )}
                {c.status === 'open' && (
                  <Popconfirm title="立即截止申报？已提交的申报进入形式审查，草稿作逾期处理。" okText="确定" cancelText="取消" onConfirm={() => act(c, 'close')}>
                    <Button size="small" danger>截止申报</Button>
                  </Popconfirm>
                )}
                <Link to={`/office/applications?cycleId=${c.id}`}>申报</Link>
                <Link to={`/office/cycles/${c.id}`}>详情与排名</Link>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
