import { Card, Col, Row } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import type { components } from '../../api/schema';
import { EChart } from '../../components/charts/EChart';

type Stats = components['schemas']['StatsDto'];
type Row = { label: string; applications: number; awards: number; recognitions: number };

function bars(rows: Row[], horizontal = false): EChartsCoreOption {
  const categories = rows.map((r) => r.label);
  const series = [
    { name: '申报数', type: 'bar', data: rows.map((r) => r.applications) },
    { name: '获奖数', type: 'bar', data: rows.map((r) => r.awards) },
    { name: '认定数', type: 'bar', data: rows.map((r) => r.recognitions) },
  ];
  const category = { type: 'category', data: categories, axisLabel: horizontal ? { width: 140, overflow: 'truncate' } : { interval: 0 } };
  return {
    tooltip: { trigger: 'axis' },
    legend: {},
    grid: { left: horizontal ? 160 : 40, right: 20, bottom: 30, containLabel: !horizontal },
    xAxis: horizontal ? { type: 'value', minInterval: 1 } : category,
    yAxis: horizontal ? { ...category, inverse: true } : { type: 'value', minInterval: 1 },
    series,
  };
}

/** The statistics' charts, loaded with their echarts chunk only when the 统计 page shows them. */
export default function StatsCharts({ stats }: { stats: Stats }) {
  // The office's own row is left out of the 区县 chart when it has nothing (the city rarely runs 区长奖).
  const offices = stats.byOffice.filter((o) => o.applications > 0 || o.key !== stats.office.id);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card size="small" title="按年度">
          <EChart label="按年度统计图" option={bars(stats.byYear)} />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title="按行业门类（GB/T 4754）">
          <EChart
            label="按行业统计图"
            option={{
              tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
              series: [{ name: '申报数', type: 'pie', radius: ['35%', '70%'], data: stats.byIndustry.map((r) => ({ name: r.label, value: r.applications })) }],
            }}
          />
        </Card>
      </Col>
      {offices.length > 1 && (
        <Col span={24}>
          <Card size="small" title="按区县">
            <EChart label="按区县统计图" height={Math.max(320, offices.length * 26)} option={bars(offices, true)} />
          </Card>
        </Col>
      )}
      {stats.byRegion.length > 1 && (
        <Col span={24}>
          <Card size="small" title="按企业所在区县">
            <EChart label="按企业所在区县统计图" height={Math.max(320, stats.byRegion.length * 26)} option={bars(stats.byRegion, true)} />
          </Card>
        </Col>
      )}
      <Col xs={24} lg={12}>
        <Card size="small" title="按奖项">
          <EChart label="按奖项统计图" option={bars(stats.byAward, true)} />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title="各环节通过率与中位用时">
          <EChart
            label="各环节统计图"
            option={{
              tooltip: { trigger: 'axis' },
              legend: {},
              grid: { left: 50, right: 50, bottom: 30 },
              xAxis: { type: 'category', data: stats.stages.map((s) => s.label), axisLabel: { interval: 0, rotate: 30 } },
              yAxis: [
                { type: 'value', name: '通过率 %', max: 100 },
                { type: 'value', name: '天' },
              ],
              series: [
                { name: '通过率', type: 'bar', data: stats.stages.map((s) => (s.passRate === null ? null : Math.round(s.passRate * 1000) / 10)) },
                { name: '中位用时（天）', type: 'bar', yAxisIndex: 1, data: stats.stages.map((s) => s.medianDays) },
              ],
            }}
          />
        </Card>
      </Col>
    </Row>
  );
}
