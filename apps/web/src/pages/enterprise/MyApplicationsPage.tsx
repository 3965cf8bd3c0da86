import { Link, useNavigate } from 'react-router';
import { Button, Card, Tag } from 'antd';
import { DataTable } from '../../components/DataTable';
import { api } from '../../api/client';
import type { Application, ApplicationPage } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StateTag } from '../../components/StateTag';
import { formatTime } from '../../lib/format';
import { useResource } from '../../lib/useResource';

/** 我的申报: the enterprise's applications, their state polled so changes show up. */
export default function MyApplicationsPage() {
  const navigate = useNavigate();
  const apps = useResource(() => api.get<ApplicationPage>('/applications', { query: { pageSize: 100 } }), [], { pollMs: 10_000 });
  return (
    <Card title="我的申报" extra={<Button onClick={() => navigate('/my/cycles')}>新建申报</Button>}>
      <ErrorAlert error={apps.error} />
      <DataTable<Application>
        rowKey="id"
        loading={apps.loading}
        dataSource={apps.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: '尚无申报，请从「可申报的评审」开始' }}
        columns={[
          {
            title: '评审周期',
            render: (_, a) => (
              <>
                <Link to={`/application/${a.id}`}>{a.cycle.title}</Link>
                {a.recommendedFromId && (
                  <Tag color="gold" style={{ marginInlineStart: 8 }}>
                    由区级申报推荐
                  </Tag>
                )}
              </>
            ),
          },
          { title: '奖项', render: (_, a) => a.cycle.awardName },
          { title: '项目或产品', render: (_, a) => a.subjectName ?? '—' },
          { title: '受理编号', dataIndex: 'receiptNumber', render: (v: string | null) => v ?? '—' },
          { title: '状态', render: (_, a) => <StateTag state={a.state} label={a.stateLabel} /> },
          { title: '更新时间', render: (_, a) => formatTime(a.updatedAt) },
          { title: '', render: (_, a) => <Link to={`/application/${a.id}`}>{a.availableActions.length ? '办理' : '查看'}</Link> },
        ]}
      />
    </Card>
  );
}
