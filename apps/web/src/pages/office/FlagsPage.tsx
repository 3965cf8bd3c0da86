import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Card, Select, Space, Table } from 'antd';
import { api } from '../../api/client';
import type { AssignmentOutcome, ReviewerProfile, ReviewFlag } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatTime } from '../../lib/format';
import { useResource } from '../../lib/useResource';
import { type Page, useServerPaging, WHOLE_LIST_QUERY } from '../../lib/paging';

/** 待分配专家: applications the rules could not staff (ties, conflicts, load caps), staffed by hand. */
export default function FlagsPage() {
  const { message } = App.useApp();
  const paging = useServerPaging();
  const flags = useResource(() => api.get<Page<ReviewFlag>>('/reviews/flags', { query: { page: paging.page, pageSize: paging.pageSize } }), [paging.page, paging.pageSize], { pollMs: 15_000 });
  const reviewers = useResource(() => api.get<Page<ReviewerProfile>>('/reviews/reviewers', WHOLE_LIST_QUERY), []);
  const [chosen, setChosen] = useState<Record<string, string | undefined>>({});
  const [error, setError] = useState<unknown>();

  const assign = async (flag: ReviewFlag, named: boolean) => {
    setError(undefined);
    try {
      const res = await api.post<AssignmentOutcome>(`/reviews/applications/${flag.applicationId}/assignments`, named ? { reviewerId: chosen[flag.id] } : {});
      message.success(`已分配 ${res.assigned?.length ?? 1} 位专家`);
      await flags.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Card title="待分配专家的申报">
      <ErrorAlert error={error ?? flags.error} onClose={() => setError(undefined)} />
      <Table<ReviewFlag>
        rowKey="id"
        loading={flags.loading}
        dataSource={flags.data?.items ?? []}
        pagination={{ ...paging.pagination(flags.data?.total, '份'), hideOnSinglePage: true }}
        locale={{ emptyText: '没有待处理的专家分配' }}
        columns={[
          { title: '受理编号', render: (_, f) => <Link to={`/application/${f.applicationId}`}>{f.receiptNumber ?? '—'}</Link> },
          { title: '申报单位', dataIndex: 'organizationName' },
          { title: '评审周期', render: (_, f) => f.cycle.title },
          { title: '原因', dataIndex: 'reason' },
          { title: '时间', render: (_, f) => formatTime(f.createdAt) },
          {
            title: '处理',
            render: (_, f) => (
              <Space wrap>
                <Button size="small" onClick={() => assign(f, false)}>
                  按规则补派
                </Button>
                <Select
                  size="small"
                  style={{ width: 180 }}
                  placeholder="指定专家"
                  aria-label="指定专家"
                  value={chosen[f.id]}
                  onChange={(v) => setChosen((c) => ({ ...c, [f.id]: v }))}
                  options={(reviewers.data?.items ?? []).filter((r) => r.active).map((r) => ({ value: r.userId, label: `${r.displayName}（在评 ${r.openAssignments}/${r.maxLoad}）` }))}
                />
                <Button size="small" disabled={!chosen[f.id]} onClick={() => assign(f, true)}>
                  分配
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
