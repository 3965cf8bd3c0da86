import { useEffect, useRef, useState } from 'react';
import { DAY_FORMAT, nextUsualWindow, type UsualCalendar, usualCalendarText, usualWindowOf } from '@awardflow/rules';
import { useNavigate } from 'react-router';
import { App, Button, Card, Checkbox, Col, Collapse, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import type { AwardDetail, AwardSummary, Cycle } from '../../api/types';
import { BeijingDatePicker } from '../../components/BeijingDatePicker';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../components/formErrors';
import { addDays, beijingDate } from '../../lib/format';
import { type Page, WHOLE_LIST_QUERY } from '../../lib/paging';
import { useResource } from '../../lib/useResource';

const ONSITE_LABEL: Record<string, string> = { quality: '现场评审', engineering: '现场复查', brand: '现场检查' };

/** The 申报 window when neither the award nor the office's earlier cycles give one: from today (Beijing) for 60 days. */
const DEFAULT_WINDOW_DAYS = 60;

/**
 * The office's latest earlier cycle of the award as a usual calendar: the month and day its window
 * opened and closed. None: undefined.
 */
function lastCycleCalendar(cycles: Cycle[] | undefined, awardCode: string | undefined): (UsualCalendar & { from: number }) | undefined {
  const last = (cycles ?? []).filter((c) => c.awardCode === awardCode).sort((a, b) => b.year - a.year || b.applicationOpensAt.localeCompare(a.applicationOpensAt))[0];
  if (!last) return undefined;
  return { opens: beijingDate(last.applicationOpensAt).slice(5), closes: beijingDate(last.applicationClosesAt).slice(5), from: last.year };
}

const PUBLICITY_OPTIONS = [
  { value: 'before_panel', label: '先公示、后评审委员会审议' },
  { value: 'after_panel', label: '先评审委员会审议、后公示' },
  { value: 'after_approval', label: '评审委员会审议、政府审批后公示' },
];

/** 新建评审周期: award, dates, stage plan, quota, experts, panel rules; optionally opened at once. */
export default function CycleCreatePage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const awards = useResource(() => api.get<AwardSummary[]>('/awards'), []);
  const awardCode = Form.useWatch('awardCode', form) as string | undefined;
  const detail = useResource(() => api.get<AwardDetail>(`/awards/${awardCode}`), [awardCode], { enabled: !!awardCode });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const family = detail.data?.family;
  // The award's default plan (typed by hand: the generated schema may predate the v3 plan options).
  const defaults = detail.data?.defaultStagePlan as Partial<Record<string, boolean | string>> | undefined;
  const defense = Form.useWatch(['stagePlan', 'defense'], form) as boolean | undefined;
  const today = beijingDate();
  const year = Number(today.slice(0, 4));
  // Whether this deployment takes the test-only short durations (never in production): else the section is not shown.
  const settings = useResource(() => api.get<components['schemas']['CycleSettingsDto']>('/cycles/settings'), []);
  const cycles = useResource(() => api.get<Page<Cycle>>('/cycles', WHOLE_LIST_QUERY), []);
  const chosenYear = Form.useWatch('year', form) as number | undefined;
  // Where the default window comes from, first that applies: the award's usual calendar; else the
  // office's last cycle of the award (its month-days); else from today for 60 days. Either calendar
  // gives the 年度 of its next occurrence (next year's once this year's window has closed) and the
  // window in the 年度 chosen. The award's calendar comes first: /cycles spans every office the admin
  // manages (a city admin's last 区长奖 cycle may be a district's), and a last cycle may have been a
  // one-off (opened late, or left at today's +60 default), which carrying forward would repeat.
  const loaded = detail.data?.code === awardCode ? detail.data : undefined;
  const lastCycle = loaded && !loaded.usualCalendar ? lastCycleCalendar(cycles.data?.items, awardCode) : undefined;
  const calendar: UsualCalendar | undefined = loaded?.usualCalendar ?? lastCycle;
  // The values this page last put in 年度 and the window: a field still holding its default follows the
  // award (and the window the 年度); one the user changed is left alone. (Not form.isFieldTouched:
  // setFieldsValue marks a field touched.)
  const shown = useRef<{ year?: number; opens?: string; closes?: string }>({ year, opens: today, closes: addDays(today, DEFAULT_WINDOW_DAYS) });
  const yearTyped = typeof chosenYear === 'number' && chosenYear !== shown.current.year ? chosenYear : undefined;
  const windowYear = yearTyped ?? (calendar ? nextUsualWindow(calendar, today).year : year);
  // Set only once the award is loaded, so a change of award moves the untouched fields with it.
  const defaultWindow = calendar ? usualWindowOf(calendar, windowYear) : loaded ? { opens: today, closes: addDays(today, DEFAULT_WINDOW_DAYS) } : undefined;
  const windowSource = loaded?.usualCalendar
    ? `默认按该奖项惯例（${loaded.usualCalendar.text}），可修改`
    : lastCycle
      ? `默认沿用本奖项 ${lastCycle.from} 年度周期的申报日期（${usualCalendarText(lastCycle)}），可修改`
      : '默认自今日起 60 天，可修改';
  useEffect(() => {
    if (!defaultWindow) return;
    const last = shown.current;
    if (form.getFieldValue('year') === last.year) {
      form.setFieldsValue({ year: windowYear });
      last.year = windowYear;
    }
    if (form.getFieldValue('applicationOpensAt') === last.opens && form.getFieldValue('applicationClosesAt') === last.closes) {
      form.setFieldsValue({ applicationOpensAt: defaultWindow.opens, applicationClosesAt: defaultWindow.closes });
      Object.assign(last, defaultWindow);
    }
  }, [windowYear, defaultWindow?.opens, defaultWindow?.closes, form]);

  const submit = async (values: Record<string, unknown> & { openNow?: boolean; secondTierCount?: number; durations?: Record<string, string> }) => {
    setBusy(true);
    setError(undefined);
    const { openNow, secondTierCount, perRecommender, durations, stagePlan, quorum, ...rest } = values as Record<string, unknown> & {
      openNow?: boolean;
      secondTierCount?: number;
      perRecommender?: number;
      durations?: Record<string, string>;
      stagePlan?: Record<string, boolean | string>;
      quorum?: number;
    };
    const overrides = Object.fromEntries(Object.entries(durations ?? {}).filter(([, v]) => v));
    const body = {
      ...rest,
      stagePlan,
      quota: {
        awards: values.awards,
        ...(secondTierCount && detail.data?.secondTierLabel ? { secondTier: { label: detail.data.secondTierLabel, count: secondTierCount } } : {}),
        ...(perRecommender ? { perRecommender } : {}),
      },
      ...(quorum ? { panel: { quorum } } : {}),
      ...(Object.keys(overrides).length ? { durationOverrides: overrides } : {}),
    };
    delete (body as Record<string, unknown>).awards;
    try {
      const created = await api.post<Cycle>('/cycles', body);
      if (openNow) await api.post(`/cycles/${created.id}/open`);
      message.success(openNow ? `已创建并开放：${created.title}` : `已创建：${created.title}`);
      navigate(`/office/cycles/${created.id}`);
    } catch (e) {
      applyFieldErrors(form, e, (f) => {
        if (f === 'quota.awards') return ['awards'];
        if (f === 'quota.secondTier.count') return ['secondTierCount'];
        if (f === 'quota.perRecommender') return ['perRecommender'];
        if (f === 'panel.quorum') return ['quorum'];
        if (f.startsWith('durationOverrides.')) return ['durations', f.split('.')[1]];
        if (f.startsWith('stagePlan.')) return ['stagePlan', f.split('.')[1]];
        return f.split('.');
      });
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="新建评审周期">
      <ErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ year, reviewersPerApplication: 3, awards: 3, scoreAggregation: 'trimmed_mean', blindReview: true, openNow: true, applicationOpensAt: today, applicationClosesAt: addDays(today, DEFAULT_WINDOW_DAYS), stagePlan: {} }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label="奖项" name="awardCode" rules={[{ required: true, message: '请选择奖项' }]}>
              <Select
                loading={awards.loading}
                options={(awards.data ?? []).map((a) => ({ value: a.code, label: a.name }))}
                onChange={() => form.setFieldValue('stagePlan', {})}
                data-testid="award-select"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
              <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="标题" name="title" rules={[{ required: true, min: 2, message: '请填写标题' }]}>
              <Input maxLength={200} placeholder={`${year}年度渝中区区长质量管理奖`} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              label="申报开始"
              name="applicationOpensAt"
              extra={<span data-testid="window-source">{windowSource}</span>}
              rules={[{ required: true, pattern: DAY_FORMAT, message: '请选择日期' }]}
            >
              <BeijingDatePicker allowClear={false} data-testid="opens-at" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              label="申报截止"
              name="applicationClosesAt"
              extra="北京时间当日 24 时截止"
              dependencies={['applicationOpensAt']}
              rules={[
                { required: true, pattern: DAY_FORMAT, message: '请选择日期' },
                ({ getFieldValue }) => ({
                  validator: (_, v?: string) => (!v || !getFieldValue('applicationOpensAt') || v >= getFieldValue('applicationOpensAt') ? Promise.resolve() : Promise.reject(new Error('申报截止不能早于申报开始'))),
                }),
              ]}
            >
              <BeijingDatePicker allowClear={false} data-testid="closes-at" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              label="年限计算基准日"
              name="eligibilityReferenceDate"
              tooltip="连续正常生产经营年限、近几年内有无事故等申报条件计算至此日；留空即“截至申报截止日”"
              rules={[{ pattern: DAY_FORMAT, message: '格式为 YYYY-MM-DD' }]}
            >
              <BeijingDatePicker placeholder="默认为申报截止日" data-testid="eligibility-reference-date" />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            {/* An award decided above the office: the local cycle selects whom to recommend, it awards nothing. */}
            <Form.Item label={(detail.data as { outsideChain?: unknown } | undefined)?.outsideChain ? '入选推荐名额' : '获奖名额'} name="awards" rules={[{ required: true, message: '请填写名额' }]}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {detail.data?.secondTierLabel && (
            <Col xs={12} md={4}>
              <Form.Item label={`${detail.data.secondTierLabel}名额`} name="secondTierCount">
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
          {family && family !== 'quality' && (
            <>
              <Col xs={12} md={4}>
                <Form.Item label="每个推荐单位推荐名额" name="perRecommender" extra="如每区县至多 3 项；留空为不限。">
                  <InputNumber min={1} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item label="推荐须附推荐意见书" name="recommendationLetterRequired" valuePropName="checked">
                  <Switch />
                </Form.Item>
              </Col>
            </>
          )}
          <Col xs={12} md={4}>
            <Form.Item label="每份申报专家数" name="reviewersPerApplication" rules={[{ required: true, message: '请填写' }]}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {family && (
          <>
            <Typography.Title level={5}>评审阶段</Typography.Title>
            <Row gutter={16}>
              {family === 'quality' && (
                <Col>
                  <Form.Item name={['stagePlan', 'districtRecommendation']} valuePropName="checked" initialValue={defaults?.districtRecommendation}>
                    <Checkbox data-testid="plan-district-recommendation">区县推荐（形式审查前）</Checkbox>
                  </Form.Item>
                </Col>
              )}
              {family !== 'quality' && (
                <Col>
                  <Form.Item name={['stagePlan', 'expertReview']} valuePropName="checked" initialValue={defaults?.expertReview}>
                    <Checkbox data-testid="plan-expert-review">{family === 'engineering' ? '专家评审（按工程评分标准打分）' : '专家评审'}</Checkbox>
                  </Form.Item>
                </Col>
              )}
              {family === 'quality' && (
                <Col>
                  <Form.Item name={['stagePlan', 'defense']} valuePropName="checked" initialValue={defaults?.defense}>
                    <Checkbox>企业答辩</Checkbox>
                  </Form.Item>
                </Col>
              )}
              {family === 'quality' && (
                <Col>
                  <Form.Item name={['stagePlan', 'scoredDefense']} valuePropName="checked" initialValue={defaults?.scoredDefense}>
                    <Checkbox disabled={defense === false} data-testid="plan-scored-defense">
                      答辩打分（计入综合得分）
                    </Checkbox>
                  </Form.Item>
                </Col>
              )}
              <Col>
                <Form.Item name={['stagePlan', 'onsiteReview']} valuePropName="checked" initialValue={defaults?.onsiteReview}>
                  <Checkbox>{ONSITE_LABEL[family]}</Checkbox>
                </Form.Item>
              </Col>
              {family === 'quality' && (
                <Col>
                  <Form.Item name={['stagePlan', 'comprehensiveSelection']} valuePropName="checked" initialValue={defaults?.comprehensiveSelection}>
                    <Checkbox data-testid="plan-comprehensive-selection">综合评选（现场评审后）</Checkbox>
                  </Form.Item>
                </Col>
              )}
              {family !== 'brand' && (
                <Col xs={24} md={8}>
                  <Form.Item label="公示位置" name={['stagePlan', 'publicity']} initialValue={defaults?.publicity}>
                    <Select
                      data-testid="plan-publicity"
                      options={PUBLICITY_OPTIONS.filter((o) => family === 'quality' || o.value !== 'after_approval')}
                    />
                  </Form.Item>
                </Col>
              )}
            </Row>
          </>
        )}
        {family === 'brand' && !(detail.data as { recheckEveryYears?: number } | undefined)?.recheckEveryYears && (
          // 名牌: one validity for the whole batch (e.g. 2024-10-01 至 2027-09-30), the expiry notice before its end.
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Form.Item label="认定有效期起始日" name="recognitionValidFrom" rules={[{ pattern: DAY_FORMAT, message: '格式为 YYYY-MM-DD' }]}>
                <BeijingDatePicker placeholder="如 2024-10-01" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label="认定有效期截止日" name="recognitionValidUntil" rules={[{ pattern: DAY_FORMAT, message: '格式为 YYYY-MM-DD' }]}>
                <BeijingDatePicker placeholder="如 2027-09-30" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label="到期提醒提前天数" name="expiryNoticeDays">
                <InputNumber min={1} max={365} placeholder="90" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Form.Item label="计分方式" name="scoreAggregation">
              <Select
                options={[
                  { value: 'trimmed_mean', label: '去掉最高最低分后平均' },
                  { value: 'mean', label: '算术平均' },
                  { value: 'median', label: '中位数' },
                  { value: 'zscore', label: '标准分（Z 分数）' },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            {/* Blank: 15% of the rubric's maximum (150 of GB/T 19580's 1000). */}
            <Form.Item label="离群分差（分）" name="outlierThreshold" tooltip="某位专家的总分与其他专家均值相差超过此分数时，在排名中标为离群；留空为评分标准满分的 15%">
              <InputNumber min={0.1} precision={1} style={{ width: '100%' }} placeholder="满分的 15%" />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item label="评审委员会法定人数" name="quorum">
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={8} md={3}>
            <Form.Item label="公示天数" name="publicityDays">
              <InputNumber min={1} precision={0} placeholder="7" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={8} md={3}>
            <Form.Item label="补正天数" name="supplementDays">
              <InputNumber min={1} precision={0} placeholder="15" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={8} md={3}>
            <Form.Item label="评审天数" name="reviewDueDays">
              <InputNumber min={1} precision={0} placeholder="14" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={2}>
            <Form.Item label="匿名评审" name="blindReview" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={12} md={3}>
            <Form.Item label="逾期自动改派" name="reassignOverdue" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        {settings.data?.shortDurations && (
          <Collapse
            style={{ marginBottom: 16 }}
            data-testid="short-durations"
            items={[
              {
                key: 'durations',
                label: '测试用短时长（本环境开启了 ALLOW_SHORT_DURATIONS；生产环境不提供）',
                children: (
                  <Row gutter={16}>
                    {[
                      ['publicity', '公示时长'],
                      ['supplement', '补正时长'],
                      ['reviewDue', '评审时长'],
                      ['recognitionValidity', '认定有效期'],
                    ].map(([key, label]) => (
                      <Col xs={12} md={6} key={key}>
                        <Form.Item label={label} name={['durations', key]}>
                          <Input placeholder="如 PT30S、P1D" />
                        </Form.Item>
                      </Col>
                    ))}
                  </Row>
                ),
              },
            ]}
          />
        )}
        <Form.Item name="openNow" valuePropName="checked">
          <Checkbox>创建后立即开放申报</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          创建
        </Button>
      </Form>
    </Card>
  );
}
