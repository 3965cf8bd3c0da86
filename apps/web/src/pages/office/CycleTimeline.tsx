import { Alert, Card, Collapse, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { ApiError, api } from '../../api/client';
import type { components } from '../../api/schema';
import type { Cycle } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useResource } from '../../lib/useResource';

/** GET /cycles/:id/timeline's answer (generated). */
type CyclePlan = components['schemas']['CycleTimelineDto'];
type PlanItem = CyclePlan['items'][number];

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** '2025-10-13' → '2025年10月13日（周一）': the Beijing date the server computed, not re-read in the browser's zone. */
export function formatPlanDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${y}年${m}月${d}日（周${WEEKDAYS[weekday]}）`;
}

/** Today's date in Beijing, YYYY-MM-DD. */
function beijingToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function PlanTimeline({ plan }: { plan: CyclePlan }) {
  const today = beijingToday();
  return (
    <Timeline
      data-testid="cycle-timeline"
      items={plan.items.map((item: PlanItem) => ({
        key: item.key,
        color: item.date === null ? 'gray' : item.date < today ? 'green' : 'blue',
        content: (
          <div data-testid={`timeline-${item.key}`}>
            <Space wrap size={8}>
              <Typography.Text strong>{item.label}</Typography.Text>
              {item.date ? <Typography.Text>{formatPlanDate(item.date)}</Typography.Text> : <Tag>{/无法计算/.test(item.basis) ? '无法计算' : '由办公室安排'}</Tag>}
            </Space>
            <div>
              <Typography.Text type="secondary">{item.basis}</Typography.Text>
            </div>
          </div>
        ),
      }))}
    />
  );
}

/**
 * 计划时间表: the planned date of every stage of the cycle's plan, computed by the server with the
 * holiday calendar. Shown open while the cycle is a draft, so the office checks the dates before it
 * opens applications; folded away afterwards.
 */
export function CycleTimeline({ cycle }: { cycle: Cycle }) {
  const plan = useResource(() => api.get<CyclePlan>(`/cycles/${cycle.id}/timeline`), [
    cycle.id,
    cycle.applicationOpensAt,
    cycle.applicationClosesAt,
    JSON.stringify(cycle.stagePlan),
    cycle.publicityDays,
    cycle.publicityDayUnit,
    cycle.supplementDays,
    cycle.supplementDayUnit,
    cycle.reviewDueDays,
    cycle.reviewDueDayUnit,
    JSON.stringify(cycle.durationOverrides),
  ]);
  // Only the office's admins may see the plan: for anyone else the page simply has no timeline.
  if (plan.error instanceof ApiError && (plan.error.status === 403 || plan.error.status === 404)) return null;

  const body = plan.error ? (
    <ErrorAlert error={plan.error} />
  ) : !plan.data ? (
    <Spin />
  ) : (
    <>
      {plan.data.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="cycle-timeline-warnings"
          title="提示"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {plan.data.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          }
        />
      )}
      <PlanTimeline plan={plan.data} />
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        日期均为北京时间；期限自起算日次日开始计算，按工作日计算的期限已跳过法定节假日并计入调休上班日。
      </Typography.Paragraph>
    </>
  );

  if (cycle.status === 'draft') {
    return (
      <Card size="small" title="计划时间表" style={{ marginBottom: 16 }} data-testid="cycle-plan">
        <Typography.Paragraph>开放申报前，请核对本周期各环节的计划日期：</Typography.Paragraph>
        {body}
      </Card>
    );
  }
  return <Collapse size="small" style={{ marginBottom: 16 }} data-testid="cycle-plan" items={[{ key: 'plan', label: '计划时间表', children: body }]} />;
}
