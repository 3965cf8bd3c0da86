import { lazy, Suspense, useState } from 'react';
import { App, Button, Card, Col, Row, Select, Space, Spin, Statistic, Table, Typography } from 'antd';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { api, download, withQuery } from '../../api/client';
import { errorText } from '../../api/errors';
import type { components } from '../../api/schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatTime } from '../../lib/format';
import { useResource } from '../../lib/useResource';

type Stats = components['schemas']['StatsDto'];
type Stage = components['schemas']['StatsStageRowDto'];
type OfficeRow = components['schemas']['StatsOfficeRowDto'];

// The charts and their echarts chunk load only when this page shows them.
const StatsCharts = lazy(() => import('./StatsCharts'));

/** 统计: the 质量强区 figures of the admin's office and the offices below it, with charts and an Excel export. */
export default function StatsPage() {
  const { message } = App.useApp();
  const [year, setYear] = useState<number>();
  const [awardCode, setAwardCode] = useState<string>();
  const [busy, setBusy] = useState(false);
  const query = { year, awardCode };
  const stats = useResource(() => api.get<Stats>('/stats', { query }), [year, awardCode]);
  const data = stats.data;

  const refresh = async () => {
    setBusy(true);
    try {
      await api.post('/stats/refresh');
      await stats.reload();
      message.success('统计数据已更新');
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={data ? `质量强区统计 · ${data.office.name}` : '质量强区统计'}
        extra={
          <Space wrap>
            <Select<number>
              allowClear
              placeholder="全部年度"
              style={{ width: 120 }}
              value={year}
              onChange={setYear}
              options={(data?.years ?? []).map((y) => ({ value: Number(y.value), label: y.label }))}
              aria-label="年度"
            />
            <Select<string>
              allowClear
              placeholder="全部奖项"
              style={{ width: 200 }}
              value={awardCode}
              onChange={setAwardCode}
              options={(data?.awards ?? []).map((a) => ({ value: a.value, label: a.label }))}
              aria-label="奖项"
            />
            <Button icon={<ReloadOutlined />} loading={busy} onClick={() => void refresh()}>
              立即更新
            </Button>
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              onClick={() => void download(withQuery('/stats/export.xlsx', query), '质量强区统计.xlsx').catch((e) => message.error(errorText(e)))}
            >
              导出 Excel
            </Button>
          </Space>
        }
      >
        <ErrorAlert error={stats.error} />
        {data && (
          <>
            <Row gutter={16}>
              <Col xs={12} md={4}><Statistic title="申报数" value={data.totals.applications} /></Col>
              <Col xs={12} md={4}><Statistic title="草稿" value={data.totals.drafts} /></Col>
              <Col xs={12} md={4}><Statistic title="获奖数" value={data.totals.awards} /></Col>
              <Col xs={12} md={4}><Statistic title="推荐参评数" value={data.totals.nominations} /></Col>
              <Col xs={12} md={4}><Statistic title="上级评定获奖数" value={data.totals.outsideAwards} /></Col>
              <Col xs={12} md={4}><Statistic title="认定数" value={data.totals.recognitions} /></Col>
              <Col xs={12} md={4}><Statistic title="待处理异议" value={data.totals.openObjections} /></Col>
              <Col xs={12} md={4}><Statistic title="逾期评审" value={data.totals.overdueReviews} valueStyle={data.totals.overdueReviews ? { color: '#cf1322' } : undefined} /></Col>
            </Row>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              数据截至 {formatTime(data.asOf)}（每 5 分钟更新；待处理异议与逾期评审为实时数据）
            </Typography.Paragraph>
          </>
        )}
        {!data && stats.loading && <Spin />}
      </Card>
      {data && (
        <Suspense fallback={<Card><Spin tip="正在加载图表…"><div style={{ height: 120 }} /></Spin></Card>}>
          <StatsCharts stats={data} />
        </Suspense>
      )}
      {data && (
        <Card size="small" title="各环节">
          <Table<Stage>
            rowKey="stage"
            size="small"
            pagination={false}
            dataSource={data.stages}
            locale={{ emptyText: '暂无已完成的环节' }}
            columns={[
              { title: '环节', dataIndex: 'label' },
              { title: '完成数', dataIndex: 'completed' },
              { title: '通过', dataIndex: 'passed' },
              { title: '未通过', dataIndex: 'failed' },
              { title: '通过率', render: (_, s) => (s.passRate === null ? '—' : `${(s.passRate * 100).toFixed(1)}%`) },
              { title: '中位用时（天）', render: (_, s) => s.medianDays ?? '—' },
            ]}
          />
        </Card>
      )}
      {data && data.byOffice.length > 1 && (
        <Card size="small" title="按区县">
          <Table<OfficeRow>
            rowKey="key"
            size="small"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            dataSource={data.byOffice}
            columns={[
              { title: '办公室', dataIndex: 'label' },
              { title: '区划代码', dataIndex: 'regionCode' },
              { title: '申报数', dataIndex: 'applications', sorter: (a, b) => a.applications - b.applications },
              { title: '获奖数', dataIndex: 'awards', sorter: (a, b) => a.awards - b.awards },
              { title: '认定数', dataIndex: 'recognitions' },
              { title: '待处理异议', dataIndex: 'openObjections' },
              { title: '逾期评审', dataIndex: 'overdueReviews' },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
