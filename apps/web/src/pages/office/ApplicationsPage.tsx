import { Link, useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import { App, Button, Card, DatePicker, Input, Select, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { api, download } from '../../api/client';
import { errorText } from '../../api/errors';
import type { Application, Cycle, ApplicationPage } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StateTag } from '../../components/StateTag';
import { BulkActionBar } from '../../components/BulkActionBar';
import { addDays, formatTime } from '../../lib/format';
import { STATE_LABELS } from '../../lib/labels';
import { useResource } from '../../lib/useResource';
import { type Page, PAGE_SIZE_OPTIONS, WHOLE_LIST_QUERY, serverSortColumns } from '../../lib/paging';
import { useCrossPageSelection } from '../../lib/selection';
import { useAddressFilters } from '../../lib/useListFilters';

/** The filter row, kept in the address: the cycle page links to its cycle's applications. */
const FILTERS = ['cycleId', 'state', 'search', 'from', 'to'] as const;

/** 申报管理: the office's applications by cycle and state, searched by name, credit code or receipt number. */
export default function ApplicationsPage() {
  const [params, setParams] = useSearchParams();
  const { message } = App.useApp();
  const { selected, rowSelection, clear: clearSelection } = useCrossPageSelection<Application>((a) => a.id);
  // Another filter is another list: a selection made in the old one is not carried over.
  const { filters, set: filter } = useAddressFilters(FILTERS, clearSelection);
  const { cycleId, state, search, from, to } = filters;
  const page = Number(params.get('page') ?? 1);
  // The 条/页 the user picked, kept in the address like the filters (the server allows 1–200).
  const pageSize = Number(params.get('pageSize') ?? 20);
  // The server sorts (a whitelisted column, '-' first for descending), so the order holds across pages.
  const sort = params.get('sort') ?? undefined;
  // 提交时间 range: Beijing dates, the end date included (up to the next Beijing midnight).
  const submittedFrom = from ? `${from}T00:00:00+08:00` : undefined;
  const submittedTo = to ? `${addDays(to, 1)}T00:00:00+08:00` : undefined;
  const cycles = useResource(() => api.get<Page<Cycle>>('/cycles', WHOLE_LIST_QUERY), []);
  const apps = useResource(
    () => api.get<ApplicationPage>('/applications', { query: { cycleId, state, search, page, pageSize, sort, submittedFrom, submittedTo } }),
    [cycleId, state, search, page, pageSize, sort, submittedFrom, submittedTo],
    { pollMs: 10_000 },
  );
  // Another order of the same list: back to page 1, the selection kept.
  const { sortable, onChange: onSortChange } = serverSortColumns<Application>(sort, (value) => {
    const next = new URLSearchParams(params);
    if (value) next.set('sort', value);
    else next.delete('sort');
    next.delete('page');
    setParams(next);
  });
  const nameOf = (id: string) => {
    const a = selected.find((x) => x.id === id) ?? apps.data?.items.find((x) => x.id === id);
    return a ? `${a.receiptNumber ?? '（草稿）'} ${a.organization?.name ?? ''}` : id;
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
          onChange={(v) => filter({ cycleId: v })}
          options={(cycles.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))}
          data-testid="filter-cycle"
        />
        <Select
          allowClear
          placeholder="全部状态"
          aria-label="状态"
          style={{ width: 180 }}
          value={state}
          onChange={(v) => filter({ state: v })}
          options={Object.entries(STATE_LABELS).map(([value, label]) => ({ value, label }))}
          data-testid="filter-state"
        />
        <Input.Search
          allowClear
          placeholder="单位名称、信用代码或受理编号"
          defaultValue={search}
          onSearch={(v) => filter({ search: v.trim() || undefined })}
          style={{ width: 300 }}
          data-testid="filter-search"
        />
        <DatePicker.RangePicker
          placeholder={['提交时间自', '至（北京时间）']}
          value={from && to ? [dayjs(from), dayjs(to)] : null}
          onChange={(range) =>
            // The picked calendar days as they read: Beijing dates, whatever the browser's zone.
            filter(range?.[0] && range[1] ? { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') } : { from: undefined, to: undefined })
          }
          data-testid="filter-submitted"
        />
        {/* The whole list with these filters (not only this page), as the office sees it. */}
        <Button
          icon={<DownloadOutlined />}
          data-testid="applications-xlsx"
          onClick={() => {
            const query = new URLSearchParams(Object.entries({ cycleId, state, search, sort, submittedFrom, submittedTo }).filter((e): e is [string, string] => !!e[1]));
            void download(`/applications/export.xlsx${query.size ? `?${query}` : ''}`, '申报列表.xlsx').catch((e) => message.error(errorText(e)));
          }}
        >
          导出 Excel
        </Button>
      </Space>
      <BulkActionBar cycleId={cycleId} selected={selected.map((a) => a.id)} nameOf={nameOf} onDone={() => void apps.reload().then(clearSelection)} />
      <ErrorAlert error={apps.error} />
      <Table<Application>
        rowKey="id"
        loading={apps.loading}
        dataSource={apps.data?.items ?? []}
        rowSelection={rowSelection}
        onChange={onSortChange}
        pagination={{
          current: page,
          pageSize,
          total: apps.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZE_OPTIONS,
          // A search counts up to 1,000 matches (totalCapped): then 共 1,000+ 份.
          showTotal: (t) => (apps.data?.totalCapped ? `共 ${t.toLocaleString('en-US')}+ 份` : `共 ${t} 份`),
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
          { title: '受理编号', ...sortable('receiptNumber'), render: (_, a) => <Link to={`/application/${a.id}`}>{a.receiptNumber ?? '（草稿）'}</Link> },
          { title: '申报单位', ...sortable('organizationName'), render: (_, a) => a.organization?.name ?? '—' },
          // The project or product, where the award is given to one (鲁班奖, 名牌产品): one organisation may have several.
          { title: '项目或产品', render: (_, a) => a.subjectName ?? '—' },
          { title: '评审周期', render: (_, a) => a.cycle.title },
          { title: '状态', ...sortable('state'), render: (_, a) => <StateTag state={a.state} label={a.stateLabel} /> },
          { title: '提交时间', ...sortable('submittedAt'), render: (_, a) => formatTime(a.submittedAt) },
          // What waits on the office: the next steps only, not the exceptional measures or the endings.
          {
            title: '待办',
            key: 'todo',
            render: (_, a) => {
              const next = a.availableActions.filter((x) => x.nextStep);
              return next.length ? (
                <Link to={`/application/${a.id}`} data-testid="todo">
                  {next.map((x) => x.label).join('、')}
                </Link>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              );
            },
          },
        ]}
      />
    </Card>
  );
}
