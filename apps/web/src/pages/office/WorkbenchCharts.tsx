import { Card, Col, Row } from 'antd';
import type { components } from '../../api/schema';
import { EChart } from '../../components/charts/EChart';

type Cycle = components['schemas']['WorkbenchCycleDto'];

const bar = (labels: string[], counts: number[], name: string) => ({
  tooltip: { trigger: 'axis' },
  grid: { left: 110, right: 20, top: 10, bottom: 20 },
  xAxis: { type: 'value', minInterval: 1 },
  yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 100, overflow: 'truncate' } },
  series: [{ name, type: 'bar', data: counts }],
});

/** A cycle's applications by stage and by 区县, loaded with the echarts chunk only when the 工作台 shows them. */
export default function WorkbenchCharts({ cycle }: { cycle: Cycle }) {
  const height = (n: number) => Math.max(120, 28 * n + 40);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card size="small" title="按阶段">
          <EChart label={`${cycle.title}：按阶段的申报数`} height={height(cycle.stages.length)} option={bar(cycle.stages.map((s) => s.label), cycle.stages.map((s) => s.count), '申报数')} />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title="按区县">
          <EChart label={`${cycle.title}：按区县的申报数`} height={height(cycle.districts.length)} option={bar(cycle.districts.map((d) => d.name), cycle.districts.map((d) => d.count), '申报数')} />
        </Card>
      </Col>
    </Row>
  );
}
