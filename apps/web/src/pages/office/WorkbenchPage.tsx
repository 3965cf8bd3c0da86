import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { Card, Col, Empty, List, Row, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CYCLE_STATUS_LABELS } from '../../lib/labels';
import { formatTime } from '../../lib/format';
import { useResource } from '../../lib/useResource';

const WorkbenchCharts = lazy(() => import('./WorkbenchCharts'));

type Workbench = components['schemas']['WorkbenchDto'];
type Cycle = components['schemas']['WorkbenchCycleDto'];
type Waiting = components['schemas']['WorkbenchListDto'];

const listUrl = (cycleId: string, state?: string) => `/office/applications?cycleId=${cycleId}${state ? `&state=${state}` : ''}`;

/** One list of what waits on the office: the ten most pressing, and how many in all. */
function WaitingList({ title, waiting, testId, danger }: { title: string; waiting: Waiting; testId: string; danger?: boolean }) {
  return (
    <Card size="small" title={`${title}（${waiting.total}）`} data-testid={testId}>
      {waiting.total === 0 ? (
        <Typography.Text type="secondary">无</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={waiting.items}
          footer={waiting.total > waiting.items.length ? <Typography.Text type="secondary">另有 {waiting.total - waiting.items.length} 项</Typography.Text> : undefined}
          renderItem={(item) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <Link to={`/application/${item.applicationId}`}>{item.receiptNumber ?? '未受理'} · {item.organizationName}</Link>
                <Typography.Text type={danger ? 'danger' : 'secondary'}>
                  {item.what} · {formatTime(item.at)}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function CycleDesk({ cycle }: { cycle: Cycle }) {
  return (
    <Card
      title={<Link to={`/office/cycles/${cycle.id}`}>{cycle.title}</Link>}
      extra={<Tag>{CYCLE_STATUS_LABELS[cycle.status as keyof typeof CYCLE_STATUS_LABELS] ?? cycle.status}</Tag>}
      data-testid={`workbench-cycle-${cycle.id}`}
    >
      <Typography.Paragraph type="secondary">
        {cycle.awardName} · 申报截止 {formatTime(cycle.applicationClosesAt)}
      </Typography.Paragraph>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={4}>
          <Link to={listUrl(cycle.id)}>
            <Statistic title="已申报" value={cycle.applications} />
          </Link>
        </Col>
        <Col xs={12} md={4}>
          <Statistic title="草稿" value={cycle.drafts} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title="逾期评审" value={cycle.overdueReviews.total} valueStyle={cycle.overdueReviews.total ? { color: '#cf1322' } : undefined} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title="待处理异议" value={cycle.openObjections.total} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title="7日内到期" value={cycle.upcomingDeadlines.total} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title="待处理标记" value={cycle.flagged.total} />
        </Col>
      </Row>
      <Space wrap style={{ marginBottom: 16 }} data-testid="workbench-stages">
        {cycle.stages.map((s) => (
          <Link key={s.state} to={listUrl(cycle.id, s.state)}>
            <Tag color="blue">
              {s.label} {s.count}
            </Tag>
          </Link>
        ))}
      </Space>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={12} xl={6}>
          <WaitingList title="逾期评审" waiting={cycle.overdueReviews} testId="workbench-overdue" danger />
        </Col>
        <Col xs={24} md={12} xl={6}>
          <WaitingList title="待处理异议" waiting={cycle.openObjections} testId="workbench-objections" />
        </Col>
        <Col xs={24} md={12} xl={6}>
          <WaitingList title="未来7日到期" waiting={cycle.upcomingDeadlines} testId="workbench-deadlines" />
        </Col>
        <Col xs={24} md={12} xl={6}>
          <WaitingList title="待处理标记" waiting={cycle.flagged} testId="workbench-flags" />
        </Col>
      </Row>
      {cycle.applications + cycle.drafts > 0 && (
        <Suspense fallback={<Spin />}>
          <WorkbenchCharts cycle={cycle} />
        </Suspense>
      )}
    </Card>
  );
}

/** 工作台: the office's landing page, one desk per running cycle of its offices. */
export default function WorkbenchPage() {
  const desk = useResource(() => api.get<Workbench>('/workbench'), [], { pollMs: 30_000 });
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        工作台
      </Typography.Title>
      <ErrorAlert error={desk.error} />
      {!desk.data && desk.loading && <Spin />}
      {desk.data && !desk.data.cycles.length && <Empty description="暂无进行中的评审周期" />}
      {desk.data?.cycles.map((c) => <CycleDesk key={c.id} cycle={c} />)}
    </Space>
  );
}
