import { Link, useSearchParams } from 'react-router';
import { App, Button, Card, Input, Select, Space, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { api, download } from '../../api/client';
import { errorText } from '../../api/errors';
import type { Application, Cycle, ApplicationPage } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StateTag } from '../../components/StateTag';
import { formatTime } from '../../lib/format';
import { STATE_LABELS } from '../../lib/labels';
import { useResource } from '../../lib/useResource';
import { type Page, PAGE_SIZE_OPTIONS, WHOLE_LIST_QUERY } from '../../lib/paging';

/** 申报管理: the office's applications by cycle and state, searched by name, credit code or receipt number. */
export default function ApplicationsPage() {
  const [params, setParams] = useSearchParams();
  const { message } = App.useApp();
  const cycleId = params.get('cycleId') ?? undefined;
  const state = params.get('state') ?? undefined;
  const search = params.get('search') ?? undefined;
  const page = Number(params.get('page') ?? 1);
  // The 条/页 the user picked, kept in the address like the filters (the server allows 1–200).
  const pageSize = Number(params.get('pageSize') ?? 20);
  const cycles = useResource(() => api.get<Page<Cycle>>('/cycles', WHOLE_LIST_QUERY), []);
  const apps = useResource(
    () => api.get<ApplicationPage>('/applications', { query: { cycleId, state, search, page, pageSize } }),
    [cycleId, state, search, page, pageSize],
    { pollMs: 10_000 },
  );
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };

  return (
    <Card title="申报管理">
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="全部评审周期"
          aria-label="评审周期"
          style={{ width: 280 }}
          value={cycleId}
          onChange={(v) => set('cycleId', v)}
          options={(cycles.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))}
          data-testid="filter-cycle"
        />
        <Select
          allowClear
          placeholder="全部状态"
          aria-label="状态"
          style={{ width: 180 }}
          value={state}
          onChange={(v) => set('state', v)}
          options={Object.entries(STATE_LABELS).map(([value, label]) => ({ value, label }))}
          data-testid="filter-state"
        />
        <Input.Search
          allowClear
          placeholder="单位名称、信用代码或受理编号"
          defaultValue={search}
          onSearch={(v) => set('search', v.trim() || undefined)}
          style={{ width: 300 }}
          data-testid="filter-search"
        />
        {/* The whole list with these filters (not only this page), as the office sees it. */}
        <Button
          icon={<DownloadOutlined />}
          data-testid="applications-xlsx"
          onClick={() => {
            const query = new URLSearchParams(Object.entries({ cycleId, state, search }).filter((e): e is [string, string] => !!e[1]));
            void download(`/applications/export.xlsx${query.size ? `?${query}` : ''}`, '申报列表.xlsx').catch((e) => message.error(errorText(e)));
          }}
        >
          导出 Excel
        </Button>
      </Space>
      <ErrorAlert error={apps.error} />
      <Table<Application>
        rowKey="id"
        loading={apps.loading}
        dataSource={apps.data?.items ?? []}
        pagination={{
          current: page,
          pageSize,
          total: apps.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZE_OPTIONS,
          showTotal: (t) => `共 ${t} 份`,
          onChange: (p, size) => {
            const next = new URLSearchParams(params);
            if (size !== pageSize) {
              next.set('pageSize', String(size));
              next.delete('page');
            } else next.set('page', String(p));
            setParams(next);
          },
        }}
        columns={[
          { title: '受理编号', render: (_, a) => <Link to={`/application/${a.id}`}>{a.receiptNumber ?? '（草稿）'}</Link> },
          { title: '申报单位', render: (_, a) => a.organization?.name ?? '—' },
          // The project or product, where the award is given to one (鲁班奖, 名牌产品): one organisation may have several.
          { title: '项目或产品', render: (_, a) => a.subjectName ?? '—' },
          { title: '评审周期', render: (_, a) => a.cycle.title },
          { title: '状态', render: (_, a) => <StateTag state={a.state} label={a.stateLabel} /> },
          { title: '提交时间', render: (_, a) => formatTime(a.submittedAt) },
          { title: '待办', render: (_, a) => (a.availableActions.length ? <Link to={`/application/${a.id}`}>{a.availableActions.map((x) => x.label).slice(0, 2).join('、')}</Link> : '—') },
        ]}
      />
    </Card>
  );
}
