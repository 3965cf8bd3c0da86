import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router';
import { App, Button, Card, Descriptions, Form, Input, InputNumber, Popconfirm, Radio, Select, Space, Spin, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { api, download } from '../../api/client';
import { errorText } from '../../api/errors';
import type { components } from '../../api/schema';
import type { ClosedCycle, Cycle, CycleWorkflow, ExtendedDeadlines, RankingRow, ShortlistOutcome, StageReviewers as NamedReviewers, User } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../components/formErrors';
import { AwardDecisionPanel } from '../../components/publication/AwardDecisionPanel';
import { CycleObjectionsPanel } from '../../components/publication/CycleObjectionsPanel';
import { PublicityBatchesPanel } from '../../components/publication/PublicityBatchesPanel';
import { StateTag } from '../../components/StateTag';
import { ExpertRemindersCard } from '../../components/cycle/ExpertRemindersCard';
import { FeedbackReleaseCard } from '../../components/cycle/FeedbackReleaseCard';
import { formatTime } from '../../lib/format';
import { CYCLE_STATUS_COLORS, CYCLE_STATUS_LABELS, DEADLINE_KIND_LABELS } from '../../lib/labels';
import { useResource } from '../../lib/useResource';
import { type Page, useServerPaging, useServerSort, WHOLE_LIST_QUERY } from '../../lib/paging';
import { CycleTimeline } from './CycleTimeline';

// Mermaid is several hundred KB: only loaded when the diagram tab is opened.
const MermaidDiagram = lazy(() => import('../../components/MermaidDiagram').then((m) => ({ default: m.MermaidDiagram })));

/** GET /cycles/:id/ranking's answer, the shared page shape (generated; an alias in api/types.ts would do once others page too). */
type RankingPage = components['schemas']['RankingRowPageDto'];

const TIE_BREAK_LABELS: Record<NonNullable<RankingRow['tieBreak']>, string> = { results_subtotal: '结果类得分较低', submitted_at: '提交时间较晚', receipt_number: '受理编号靠后' };
const TIE_BREAK_SHORT: Record<NonNullable<RankingRow['tieBreak']>, string> = { results_subtotal: '按结果类得分', submitted_at: '按提交时间', receipt_number: '按受理编号' };

/** One expert's total of an application beside the ranking (typed by hand until schema.ts is regenerated). */
interface RankingExpert {
  reviewerId: string;
  reviewerName: string | null;
  total: number;
  dropped: boolean;
  deviation: number;
  outlier: boolean;
}
type RankedApplication = RankingRow & { experts?: RankingExpert[]; spread?: number; hasOutlier?: boolean; outlierThreshold?: number };

/** Each expert's total, what the trimmed mean dropped (struck through) and who stands off the others (离群). */
function ExpertTotals({ row }: { row: RankedApplication }) {
  if (!row.experts?.length) return <Typography.Text type="secondary">无专家评分</Typography.Text>;
  return (
    <Space wrap size={[12, 4]} data-testid="expert-totals">
      {row.experts.map((e) => (
        <Tooltip key={e.reviewerId} title={`${e.reviewerName ?? '专家'}：${e.total} 分，与其他专家均值相差 ${e.deviation > 0 ? '+' : ''}${e.deviation}${e.dropped ? '；截尾平均时去掉' : ''}${e.outlier ? `；超过离群分差 ${row.outlierThreshold}` : ''}`}>
          <span>
            {e.reviewerName ?? '专家'}{' '}
            <Typography.Text delete={e.dropped} type={e.dropped ? 'secondary' : undefined} strong={!e.dropped}>
              {e.total}
            </Typography.Text>
            {e.dropped && <Tag style={{ marginInlineStart: 4 }}>去掉</Tag>}
            {e.outlier && (
              <Tag color="orange" style={{ marginInlineStart: 4 }}>
                离群
              </Tag>
            )}
          </span>
        </Tooltip>
      ))}
    </Space>
  );
}

const AGGREGATION: Record<string, string> = { trimmed_mean: '去掉最高最低分后平均', mean: '算术平均', median: '中位数', zscore: '标准分' };

export default function CycleDetailPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const cycle = useResource(() => api.get<Cycle>(`/cycles/${id}`), [id]);
  const [error, setError] = useState<unknown>();
  const [tab, setTab] = useState('overview');
  const c = cycle.data;

  const act = async (what: 'open' | 'close') => {
    setError(undefined);
    try {
      const res = await api.post<ClosedCycle>(`/cycles/${id}/${what}`);
      message.success(what === 'open' ? '已开放申报' : `已截止申报：${res.movedToReview ?? 0} 份进入评审，${res.expired ?? 0} 份草稿逾期`);
      await cycle.reload();
    } catch (e) {
      setError(e);
    }
  };

  if (cycle.error && !c) return <ErrorAlert error={cycle.error} />;
  if (!c) return <Card loading />;

  return (
    <Card
      title={
        <Space>
          {c.title}
          <Tag color={CYCLE_STATUS_COLORS[c.status]} data-testid="cycle-status">
            {CYCLE_STATUS_LABELS[c.status]}
          </Tag>
        </Space>
      }
      extra={
        <Space>
          {c.status === 'draft' && (
            <Popconfirm title="确定开放申报？" okText="确定" cancelText="取消" onConfirm={() => act('open')}>
              <Button type="primary">开放申报</Button>
            </Popconfirm>
          )}
          {c.status === 'open' && (
            <Popconfirm title="立即截止申报？已提交的申报进入形式审查，草稿作逾期处理。" okText="确定" cancelText="取消" onConfirm={() => act('close')}>
              <Button danger>截止申报</Button>
            </Popconfirm>
          )}
          <Link to={`/office/applications?cycleId=${c.id}`}>查看申报</Link>
        </Space>
      }
    >
      <ErrorAlert error={error} onClose={() => setError(undefined)} />
      <CycleTimeline cycle={c} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'overview', label: '概况', children: <Overview cycle={c} onChanged={() => void cycle.reload()} /> },
          { key: 'ranking', label: '排名与入围', children: <Ranking cycle={c} /> },
          { key: 'publicity', label: '社会公示', children: <PublicityBatchesPanel cycle={c} /> },
          { key: 'objections', label: '异议处理', children: <CycleObjectionsPanel cycleId={c.id} /> },
          { key: 'decision', label: '表彰决定', children: <AwardDecisionPanel cycleId={c.id} /> },
          {
            key: 'experts',
            label: '提醒专家与反馈',
            children: (
              <>
                <ExpertRemindersCard cycleId={c.id} />
                <FeedbackReleaseCard cycleId={c.id} />
              </>
            ),
          },
          { key: 'stage-reviewers', label: '专家分工', children: <StageReviewers cycle={c} /> },
          { key: 'panel', label: '评审委员会', children: <PanelMembers cycleId={c.id} /> },
          { key: 'workflow', label: '流程图', children: tab === 'workflow' ? <Workflow cycleId={c.id} /> : null },
        ]}
      />
    </Card>
  );
}

function Overview({ cycle: c, onChanged }: { cycle: Cycle; onChanged: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>();
  const plan = c.stagePlan;
  const extend = async (values: { kind: string; mode: 'dueAt' | 'by'; value: string; reason: string }) => {
    setError(undefined);
    try {
      const res = await api.post<ExtendedDeadlines>(`/cycles/${c.id}/deadlines/extend`, { kind: values.kind, reason: values.reason, [values.mode]: values.value });
      message.success(`已延期 ${res.extended} 个期限`);
      onChanged();
    } catch (e) {
      applyFieldErrors(form, e, (f) => (f === 'dueAt' || f === 'by' ? ['value'] : [f]));
      setError(e);
    }
  };
  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'award', label: '奖项', children: c.awardName },
          { key: 'year', label: '年度', children: c.year },
          { key: 'window', label: '申报时间', children: `${formatTime(c.applicationOpensAt)} 至 ${formatTime(c.applicationClosesAt)}` },
          {
            key: 'quota',
            label: '名额',
            children: `获奖 ${c.quota.awards}${c.quota.secondTier ? `，${c.quota.secondTier.label} ${c.quota.secondTier.count}` : ''}${c.quota.perRecommender ? `；每个推荐单位至多推荐 ${c.quota.perRecommender} 项` : ''}${c.recommendationLetterRequired ? '；推荐须附推荐意见书' : ''}`,
          },
          {
            key: 'plan',
            label: '评审阶段',
            children: planSummary(plan as Partial<Record<string, boolean | string>>),
          },
          { key: 'experts', label: '每份申报专家数', children: c.reviewersPerApplication },
          { key: 'agg', label: '计分方式', children: AGGREGATION[c.scoreAggregation] ?? c.scoreAggregation },
          { key: 'blind', label: '匿名评审', children: c.blindReview ? '是' : '否' },
          { key: 'days', label: '公示/补正/评审天数', children: `${c.publicityDays} / ${c.supplementDays} / ${c.reviewDueDays}` },
          { key: 'panel', label: '评审委员会法定人数', children: c.panel.quorum },
          // A 名牌 batch's validity (hand-typed until schema.ts is regenerated): set by the office, or by the first 审定.
          ...((v) =>
            v.recognitionValidityYears
              ? [
                  {
                    key: 'validity',
                    label: '认定有效期',
                    children: v.recognitionValidFrom ? `${v.recognitionValidFrom} 至 ${v.recognitionValidUntil}（到期前 ${v.expiryNoticeDays ?? 90} 天提醒）` : `${v.recognitionValidityYears} 年，自首次审定之日起（全批相同）`,
                  },
                ]
              : [])(c as typeof c & { recognitionValidFrom?: string | null; recognitionValidUntil?: string | null; expiryNoticeDays?: number | null }),
          { key: 'def', label: '流程定义', children: c.definitionCode ? `${c.definitionCode} v${c.definitionVersion}` : '开放时确定' },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        延长期限
      </Typography.Title>
      <ErrorAlert error={error} />
      <Form form={form} layout="inline" onFinish={extend} initialValues={{ kind: 'application_window_close', mode: 'dueAt' }}>
        <Form.Item name="kind" label="期限">
          <Select style={{ width: 160 }} options={['application_window_close', 'supplement', 'review_due', 'publicity_end'].map((k) => ({ value: k, label: DEADLINE_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="mode">
          <Radio.Group
            options={[
              { value: 'dueAt', label: '延至' },
              { value: 'by', label: '延长' },
            ]}
          />
        </Form.Item>
        <Form.Item name="value" rules={[{ required: true, message: '请填写日期（YYYY-MM-DD）或时长（如 P7D）' }]}>
          <Input placeholder="2026-06-15 或 P7D" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="reason" rules={[{ required: true, min: 2, message: '请填写延期理由' }]}>
          <Input placeholder="延期理由" style={{ width: 220 }} />
        </Form.Item>
        <Button htmlType="submit">延期</Button>
      </Form>
    </>
  );
}

function Ranking({ cycle }: { cycle: Cycle }) {
  const { message } = App.useApp();
  // Paged and sorted by the server ({items, total, page, pageSize}, ?sort= 得分/受理编号/申报单位): ranks,
  // ties and the quota line are computed over the whole cycle in rank order, whatever order the page shows.
  const paging = useServerPaging();
  const sorting = useServerSort<RankedApplication>(paging.reset);
  const ranking = useResource(
    () => api.get<RankingPage>(`/cycles/${cycle.id}/ranking`, { query: { page: paging.page, pageSize: paging.pageSize, sort: sorting.sort } }),
    [cycle.id, paging.page, paging.pageSize, sorting.sort],
    { pollMs: 10_000 },
  );
  const [error, setError] = useState<unknown>();
  const [mode, setMode] = useState<'top' | 'minScore'>('top');
  const [value, setValue] = useState<number | null>(cycle.quota.awards + (cycle.quota.secondTier?.count ?? 0));
  const rows = ranking.data?.items ?? [];
  const quotaLine = rows.find((r) => r.quotaLine);
  // The quota line is a line under a row only in rank order; sorted otherwise, each row's 名额 tag says it.
  const inRankOrder = !sorting.sort;

  const shortlist = async () => {
    setError(undefined);
    try {
      const res = await api.post<ShortlistOutcome>(`/cycles/${cycle.id}/shortlist`, { [mode]: value ?? undefined });
      message.success(`入围 ${res.shortlisted.length} 份，未入围 ${res.notShortlisted.length} 份`);
      await ranking.reload();
    } catch (e) {
      setError(e);
    }
  };
  // 综合评选 by the same rule (typed by hand: the generated schema may predate the route).
  const comprehensive = async () => {
    setError(undefined);
    try {
      const res = await api.post<{ selected: string[]; notSelected: string[] }>(`/cycles/${cycle.id}/comprehensive-selection`, { [mode]: value ?? undefined });
      message.success(`综合评选入选 ${res.selected.length} 份，未入选 ${res.notSelected.length} 份`);
      await ranking.reload();
    } catch (e) {
      setError(e);
    }
  };
  const plan = cycle.stagePlan as Partial<Record<string, boolean | string>>;
  const recompute = async () => {
    try {
      await api.post(`/cycles/${cycle.id}/ranking/recompute`);
      await ranking.reload();
      message.success('已重新计算');
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <ErrorAlert error={error ?? ranking.error} onClose={() => setError(undefined)} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Button icon={<DownloadOutlined />} onClick={() => void download(`/cycles/${cycle.id}/ranking.csv`, '评审排名.csv').catch((e) => message.error(errorText(e)))}>
          导出 CSV
        </Button>
        <Button icon={<DownloadOutlined />} data-testid="ranking-xlsx" onClick={() => void download(`/cycles/${cycle.id}/ranking.xlsx`, '评审排名.xlsx').catch((e) => message.error(errorText(e)))}>
          导出 Excel
        </Button>
        <Button onClick={recompute}>重新计算</Button>
        <Radio.Group
          value={mode}
          onChange={(e) => setMode(e.target.value)}
          options={[
            { value: 'top', label: '按名次入围前' },
            { value: 'minScore', label: '按分数线' },
          ]}
        />
        <InputNumber value={value} onChange={(v) => setValue(v)} min={mode === 'top' ? 1 : 0} data-testid="shortlist-value" />
        <Popconfirm title="按此规则确定入围？入围审核中的其他申报将作未入围处理。" okText="确定" cancelText="取消" onConfirm={shortlist}>
          <Button type="primary">确定入围</Button>
        </Popconfirm>
        {plan.comprehensiveSelection && (
          <Popconfirm title="按此规则确定综合评选结果？综合评选中的其他申报将作未入选处理。" okText="确定" cancelText="取消" onConfirm={comprehensive}>
            <Button data-testid="comprehensive-selection">确定综合评选入选</Button>
          </Popconfirm>
        )}
      </Space>
      <style>{'.quota-line > td { border-bottom: 3px dashed #b8232f !important; }'}</style>
      {!inRankOrder && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="ranking-sorted-note">
          已按所选列排序：排名、并列与名额仍按综合得分的排名计算，见「排名」「名额线」两列；取消排序即回到排名顺序并显示名额线。
        </Typography.Paragraph>
      )}
      {quotaLine && inRankOrder && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          红色虚线为名额线：第 {quotaLine.rank} 名及以上在获奖{cycle.quota.secondTier ? `及${cycle.quota.secondTier.label}` : ''}名额内（不计已退出的申报）。
        </Typography.Paragraph>
      )}
      <Table<RankedApplication>
        rowKey="applicationId"
        size="small"
        loading={ranking.loading}
        dataSource={rows}
        pagination={paging.pagination(ranking.data?.total, '份')}
        onChange={sorting.onChange}
        locale={{ emptyText: '尚无评分汇总（专家评审完成后生成）' }}
        rowClassName={(r) => (r.quotaLine && inRankOrder ? 'quota-line' : '')}
        expandable={{ expandedRowRender: (r) => <ExpertTotals row={r} />, rowExpandable: (r) => !!r.experts?.length }}
        onRow={(r) => ({ 'data-testid': r.quotaLine ? 'quota-line' : undefined }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: '排名',
            width: 110,
            render: (_, r) =>
              r.tied ? (
                <Space size={4} wrap>
                  {r.rank}
                  <Tooltip title={r.tieBreak ? `与上一名综合得分相同，因${TIE_BREAK_LABELS[r.tieBreak]}排后` : '综合得分相同，按结果类得分、提交时间、受理编号排序'}>
                    <Tag>并列第 {r.scoreRank}</Tag>
                  </Tooltip>
                  {r.tieBreak && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="tie-break">
                      {TIE_BREAK_SHORT[r.tieBreak]}
                    </Typography.Text>
                  )}
                </Space>
              ) : (
                r.rank
              ),
          },
          { title: '受理编号', ...sorting.sortable('receiptNumber'), render: (_, r) => <Link to={`/application/${r.applicationId}`}>{r.receiptNumber ?? '—'}</Link> },
          { title: '申报单位', dataIndex: 'organizationName', ...sorting.sortable('organizationName') },
          { title: '综合得分', ...sorting.sortable('score'), render: (_, r) => <span data-testid="ranking-score">{r.score.toFixed(2)}</span> },
          { title: '资料评审', render: (_, r) => r.aggregated.toFixed(2) },
          { title: '现场调整', render: (_, r) => (r.onsiteAdjustment ? r.onsiteAdjustment : '—') },
          ...(plan.scoredDefense ? [{ title: '答辩得分', render: (_: unknown, r: RankingRow) => ((r as RankingRow & { defenseScore?: number | null }).defenseScore ?? '—') }] : []),
          { title: '结果类得分', render: (_, r) => r.resultsSubtotal.toFixed(2) },
          { title: '专家数', dataIndex: 'reviewerCount', width: 70 },
          {
            title: '专家分差',
            render: (_, r) =>
              r.spread === undefined ? (
                '—'
              ) : (
                <Space size={4}>
                  {r.spread}
                  {r.hasOutlier && (
                    <Tooltip title={`有专家评分与其他专家均值相差超过 ${r.outlierThreshold} 分，展开查看`}>
                      <Tag color="orange" data-testid="outlier-flag">
                        离群
                      </Tag>
                    </Tooltip>
                  )}
                </Space>
              ),
          },
          { title: '状态', render: (_, r) => <StateTag state={r.state} /> },
          {
            title: '名额线',
            render: (_, r) =>
              r.insideQuota === 'award' ? <Tag color="red">获奖名额内</Tag> : r.insideQuota === 'second_tier' ? <Tag color="orange">{cycle.quota.secondTier?.label ?? '第二档'}名额内</Tag> : <Tag>名额外</Tag>,
          },
        ]}
      />
    </>
  );
}

function PanelMembers({ cycleId }: { cycleId: string }) {
  const { message } = App.useApp();
  const users = useResource(() => api.get<Page<User>>('/users', WHOLE_LIST_QUERY), []);
  const [members, setMembers] = useState<string[]>([]);
  const [error, setError] = useState<unknown>();
  const save = async () => {
    setError(undefined);
    try {
      await api.post(`/cycles/${cycleId}/panel`, { memberIds: members });
      message.success(`评审委员会委员已设置（${members.length} 人）`);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <Typography.Paragraph type="secondary">设置本周期评审委员会委员（评审专家或办公室人员）。委员在申报处于「评审委员会审议」时于申报页面表决。</Typography.Paragraph>
      <ErrorAlert error={error ?? users.error} />
      <Space>
        <Select
          mode="multiple"
          style={{ minWidth: 360 }}
          placeholder="选择委员"
          value={members}
          onChange={setMembers}
          options={(users.data?.items ?? []).filter((u) => (u.role === 'reviewer' || u.role === 'admin') && u.isActive).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))}
        />
        <Button type="primary" disabled={!members.length} onClick={save}>
          保存委员名单
        </Button>
      </Space>
    </>
  );
}

const STAGES: Array<{ stage: 'formal_review' | 'onsite_review'; label: string }> = [
  { stage: 'formal_review', label: '形式审查（初审）专家' },
  { stage: 'onsite_review', label: '现场评审专家' },
];

/** 专家分工: only the experts named here (and the office's staff) see and handle these stages. */
function StageReviewers({ cycle }: { cycle: Cycle }) {
  const { message } = App.useApp();
  const users = useResource(() => api.get<Page<User>>('/users', WHOLE_LIST_QUERY), []);
  const named = useResource(() => api.get<NamedReviewers[]>(`/cycles/${cycle.id}/stage-reviewers`), [cycle.id]);
  const [chosen, setChosen] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<unknown>();
  const options = (users.data?.items ?? [])
    .filter((u) => u.role === 'reviewer' && u.isActive && u.officeIds.includes(cycle.officeId))
    .map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }));
  const valueOf = (stage: string) => chosen[stage] ?? named.data?.find((n) => n.stage === stage)?.reviewers.map((r) => r.userId) ?? [];
  const save = async (stage: 'formal_review' | 'onsite_review', label: string) => {
    setError(undefined);
    try {
      const res = await api.put<NamedReviewers>(`/cycles/${cycle.id}/stage-reviewers`, { stage, userIds: valueOf(stage) });
      message.success(`${label}已设置（${res.reviewers.length} 人）`);
      await named.reload();
      setChosen(({ [stage]: _, ...rest }) => rest);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <Typography.Paragraph type="secondary">指定本周期办理形式审查（初审）和现场评审的评审专家。未被指定的专家看不到、也不能办理这些环节的申报；办公室人员始终可以办理。</Typography.Paragraph>
      <ErrorAlert error={error ?? users.error ?? named.error} />
      <Space direction="vertical">
        {STAGES.map(({ stage, label }) => (
          <Space key={stage} data-testid={`stage-reviewers-${stage}`}>
            <Typography.Text style={{ display: 'inline-block', width: 150 }}>{label}</Typography.Text>
            <Select mode="multiple" style={{ minWidth: 360 }} placeholder="选择专家" value={valueOf(stage)} onChange={(v) => setChosen((c) => ({ ...c, [stage]: v }))} options={options} />
            <Button type="primary" onClick={() => void save(stage, label)}>
              保存
            </Button>
          </Space>
        ))}
      </Space>
    </>
  );
}

function Workflow({ cycleId }: { cycleId: string }) {
  const workflow = useResource(() => api.get<CycleWorkflow>(`/cycles/${cycleId}/workflow`), [cycleId]);
  if (workflow.error) return <ErrorAlert error={workflow.error} />;
  if (!workflow.data) return <Spin />;
  return (
    <>
      <Typography.Paragraph strong>{workflow.data.definition.label}</Typography.Paragraph>
      <Suspense fallback={<Spin />}>
        <MermaidDiagram source={workflow.data.mermaid} />
      </Suspense>
    </>
  );
}

const PUBLICITY_SUMMARY: Record<string, string> = { before_panel: '先公示后审议', after_panel: '先审议后公示', after_approval: '审议、政府审批后公示' };

/** The cycle's stages in words (a plan saved before v3 says only publicityBeforePanel). */
function planSummary(plan: Partial<Record<string, boolean | string>>): string {
  const publicity = (plan.publicity as string | undefined) ?? (plan.publicityBeforePanel ? 'before_panel' : 'after_panel');
  return [
    plan.districtRecommendation && '区县推荐',
    plan.expertReview !== false && '资料评审',
    plan.defense && (plan.scoredDefense ? '企业答辩（打分）' : '企业答辩'),
    plan.onsiteReview && '现场评审',
    plan.comprehensiveSelection && '综合评选',
    PUBLICITY_SUMMARY[publicity],
  ]
    .filter(Boolean)
    .join('、');
}
