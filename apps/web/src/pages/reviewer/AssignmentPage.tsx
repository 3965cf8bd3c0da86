import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Col, Form, Grid, Input, InputNumber, List, Modal, Radio, Row, Space, Tabs, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { api, ApiError, download } from '../../api/client';
import { errorText } from '../../api/errors';
import type { Scored } from '../../api/types';
import { FormView } from '../../components/application/FormView';
import type { Family } from '../../components/application/formModel';
import { Countdown } from '../../components/Countdown';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../components/formErrors';
import { fileSize, formatTime } from '../../lib/format';
import { useResource } from '../../lib/useResource';
import { isPdf, PdfPane } from './pdf/PdfPane';
import { AssignmentView, bandRange, CategoryFeedback, DraftContent, GuidedItem, RubricGuidance, ScoreDraft, scoreProblem, ScoringGuide } from './scoreGuidance';

interface SheetValues {
  scores?: Record<string, number | null | undefined>;
  bands?: Record<string, number | undefined>;
  comment?: string;
  categories?: Record<string, { strengths?: string; opportunities?: string } | undefined>;
}

/** How long after the last keystroke the draft goes to the server. */
const DRAFT_DEBOUNCE_MS = 800;
/** How often an open sheet asks whether the stage still accepts scores (a refused save asks at once). */
const OPEN_POLL_MS = 30_000;

const isScoringClosed = (e: unknown) => e instanceof ApiError && e.body.code === 'SCORING_CLOSED';

function familyOf(rubricCode: string): Family {
  if (rubricCode.includes('19580')) return 'quality';
  return rubricCode.startsWith('engineering') ? 'engineering' : 'brand';
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The sheet's values as a draft: items scored (validly) or with only a band picked, texts typed so far. */
function toDraft(values: SheetValues, items: GuidedItem[], categoryCodes: string[]): DraftContent {
  return {
    items: items.flatMap((i) => {
      const score = values.scores?.[i.criterion];
      const band = values.bands?.[i.criterion];
      // An invalid score stays on screen with its error; the draft keeps only what the server accepts.
      const keepScore = typeof score === 'number' && scoreProblem(i, score) === null;
      if (!keepScore && band === undefined) return [];
      return [{ criterion: i.criterion, ...(keepScore ? { score } : {}), ...(band !== undefined ? { band } : {}) }];
    }),
    comment: values.comment ?? '',
    categories: feedbackOf(values, categoryCodes),
  };
}

function feedbackOf(values: SheetValues, categoryCodes: string[]): CategoryFeedback[] {
  return categoryCodes.flatMap((code) => {
    const f = values.categories?.[code];
    const strengths = f?.strengths?.trim();
    const opportunities = f?.opportunities?.trim();
    return strengths || opportunities ? [{ category: code, ...(strengths ? { strengths } : {}), ...(opportunities ? { opportunities } : {}) }] : [];
  });
}

function fromSaved(items: Array<{ criterion: string; score?: number; band?: number }>, comment: string | undefined, categories: CategoryFeedback[] | undefined): SheetValues {
  return {
    scores: Object.fromEntries(items.filter((i) => i.score !== undefined).map((i) => [i.criterion, i.score])),
    bands: Object.fromEntries(items.filter((i) => i.band !== undefined).map((i) => [i.criterion, i.band])),
    comment: comment ?? '',
    categories: Object.fromEntries((categories ?? []).map((c) => [c.category, { strengths: c.strengths, opportunities: c.opportunities }])),
  };
}

/** The band a saved score falls in (to show its guidance when only a score was kept). */
function bandOfScore(guide: ScoringGuide, max: number, score: number): number | undefined {
  const i = guide.bands.findIndex((b) => {
    const [lo, hi] = bandRange(max, b);
    return score >= lo - 1e-9 && score <= hi + 1e-9;
  });
  return i >= 0 ? i : undefined;
}

/**
 * One assignment as the reviewer may see it (blind where the cycle says so): the form, the materials
 * under neutral names, and the rubric as a score sheet. For GB/T 19580 each item carries the scoring
 * guidance of GB/Z 19579-2012 — the expert picks one of six bands (its description per ADLI or LeTCI
 * dimension shown) and then a score within it; a value above the item's maximum shows an error and is
 * never changed. Per category 优势 and 改进机会, subtotals and a total that stays in view. The draft
 * is kept on the server as the expert types, so it follows the expert to another computer; once the
 * stage has closed the sheet is read-only, with a notice — also when it closes while the sheet is
 * open (asked every 30 s, and at once when the server refuses a save). The materials are read in a
 * pane beside the sheet (pdf.js, loaded when opened). A conflict of interest can be declared.
 */
export default function AssignmentPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const view = useResource(() => api.get<AssignmentView>(`/reviews/assignments/${id}/application`), [id]);
  const v = view.data;
  const [form] = Form.useForm<SheetValues>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [draftState, setDraftState] = useState<{ savedAt?: string; saving?: boolean; error?: string }>({});
  const [loaded, setLoaded] = useState(false);
  const [conflictOpen, setConflictOpen] = useState(false);
  const [conflictError, setConflictError] = useState<unknown>();
  const [conflictForm] = Form.useForm();
  const scores = Form.useWatch('scores', form);
  const bands = Form.useWatch('bands', form);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const wide = Grid.useBreakpoint().lg === true;
  // The material read inline: the one picked, else the first PDF.
  const [readingN, setReadingN] = useState<number>();
  const reading = v?.materials.find((m) => m.n === readingN) ?? v?.materials.find(isPdf);
  const downloadMaterial = (m: { url: string; name: string }) => void download(m.url, m.name, true).catch((e) => message.error(errorText(e)));

  // The stage closed while the sheet was open (seen by the poll or a refused save): read-only at once.
  const [closedNow, setClosedNow] = useState(false);
  const readOnly = v ? !v.scoringOpen || closedNow : true;
  const items: GuidedItem[] = useMemo(() => v?.rubric.categories.flatMap((c) => c.items) ?? [], [v]);
  const categoryCodes = useMemo(() => v?.rubric.categories.map((c) => c.code) ?? [], [v]);
  const valueOf = (criterion: string) => (typeof scores?.[criterion] === 'number' ? (scores[criterion] as number) : 0);
  const total = round1(items.reduce((s, i) => s + valueOf(i.criterion), 0));
  const filled = items.filter((i) => typeof scores?.[i.criterion] === 'number').length;
  const guideOf = (item: GuidedItem): ScoringGuide | undefined => (item.guidance && v?.rubric.guidance ? v.rubric.guidance[item.guidance] : undefined);

  // Start from the server draft when it is newer than the submitted score, else from the score.
  useEffect(() => {
    if (!v) return;
    let live = true;
    setLoaded(false);
    void api
      .get<ScoreDraft>(`/reviews/assignments/${v.assignmentId}/draft`)
      .catch(() => null)
      .then((d) => {
        if (!live) return;
        // Closed while open: what was typed and not saved leaves the screen with the rest.
        if (!v.scoringOpen) form.resetFields();
        let values: SheetValues | null = null;
        // A closed sheet shows what was submitted: a later draft was never a score.
        if (v.scoringOpen && d?.draft && d.updatedAt && (!v.myScore || new Date(d.updatedAt) > new Date(v.myScore.updatedAt))) {
          values = fromSaved(d.draft.items, d.draft.comment, d.draft.categories);
          setDraftState({ savedAt: d.updatedAt });
        } else if (v.myScore) {
          values = fromSaved(v.myScore.items, v.myScore.comment, v.myScore.categories);
        }
        if (values) {
          // A kept score without a band shows the band it falls in.
          for (const item of items) {
            const guide = guideOf(item);
            const score = values.scores?.[item.criterion];
            if (guide && values.bands?.[item.criterion] === undefined && typeof score === 'number') values.bands = { ...values.bands, [item.criterion]: bandOfScore(guide, item.max, score) };
          }
          form.setFieldsValue(values);
        }
        setLoaded(true);
      });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [v, form]);

  const pending = useRef(false);
  // Closed: nothing more goes to the server, and the sheet is reloaded as the server holds it.
  const markClosed = useCallback(() => {
    clearTimeout(timer.current);
    pending.current = false;
    setClosedNow(true);
    setDraftState({});
    void view.reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    if (!v?.scoringOpen || closedNow) return;
    const check = setInterval(() => {
      if (document.visibilityState !== 'visible') return;
      void api
        .get<ScoreDraft>(`/reviews/assignments/${v.assignmentId}/draft`)
        .then((d) => {
          if (!d.open) markClosed();
        })
        .catch(() => undefined);
    }, OPEN_POLL_MS);
    return () => clearInterval(check);
  }, [v, closedNow, markClosed]);

  const saveDraftNow = useCallback(async (keepalive = false) => {
    if (!v || readOnly) return;
    pending.current = false;
    setDraftState((s) => ({ ...s, saving: true, error: undefined }));
    try {
      const res = await api.put<{ updatedAt: string }>(`/reviews/assignments/${id}/draft`, toDraft(form.getFieldsValue(true) as SheetValues, items, categoryCodes), { keepalive });
      setDraftState({ savedAt: res.updatedAt });
    } catch (e) {
      if (isScoringClosed(e)) markClosed();
      else setDraftState((s) => ({ ...s, saving: false, error: errorText(e) }));
    }
  }, [v, readOnly, id, form, items, categoryCodes, markClosed]);

  const onValuesChange = (changed: SheetValues) => {
    if (!loaded || readOnly) return;
    // A score typed before a band is picked selects the band it falls in (never the other way round).
    for (const [criterion, score] of Object.entries(changed.scores ?? {})) {
      const item = items.find((i) => i.criterion === criterion);
      const guide = item && guideOf(item);
      if (guide && item && typeof score === 'number' && form.getFieldValue(['bands', criterion]) === undefined) {
        const band = bandOfScore(guide, item.max, score);
        if (band !== undefined) form.setFieldValue(['bands', criterion], band);
      }
    }
    pending.current = true;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveDraftNow(), DRAFT_DEBOUNCE_MS);
  };
  // What was typed in the last moment before the page is closed, reloaded or left is still saved.
  useEffect(() => {
    const flush = () => {
      clearTimeout(timer.current);
      if (pending.current) void saveDraftNow(true);
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [saveDraftNow]);

  const submit = async (values: SheetValues) => {
    clearTimeout(timer.current);
    pending.current = false;
    setBusy(true);
    setError(undefined);
    try {
      const body = { items: items.map((i) => ({ criterion: i.criterion, score: values.scores?.[i.criterion] as number })), comment: values.comment, categories: feedbackOf(values, categoryCodes) };
      const res = await api.post<Scored>(`/reviews/assignments/${id}/scores`, body);
      setDraftState({});
      message.success(`评分已提交，总分 ${res.total}${res.stageComplete ? '；本申报的专家评审已全部完成' : ''}`);
      await view.reload();
    } catch (e) {
      setError(e);
      if (isScoringClosed(e)) markClosed();
      applyFieldErrors(form, e, (f) => {
        const item = /^items\[(.+)\]$/.exec(f);
        if (item) return ['scores', item[1]];
        const category = /^categories\[(.+?)\](?:\.(strengths|opportunities))?$/.exec(f);
        if (category) return ['categories', category[1], category[2] ?? 'strengths'];
        return f === 'comment' ? ['comment'] : null;
      });
    } finally {
      setBusy(false);
    }
  };

  const declareConflict = async () => {
    const values = await conflictForm.validateFields();
    setConflictError(undefined);
    try {
      await api.post(`/reviews/assignments/${id}/conflict`, values);
      message.success('已申报回避，该任务将另行分配');
      setConflictOpen(false);
      navigate('/expert/assignments');
    } catch (e) {
      applyFieldErrors(conflictForm, e);
      setConflictError(e);
    }
  };

  if (view.error && !v) return <ErrorAlert error={view.error} />;
  if (!v) return <Card loading />;

  const draftText = readOnly
    ? ''
    : draftState.error
      ? `草稿未能保存：${draftState.error}`
      : draftState.saving
        ? '草稿保存中…'
        : draftState.savedAt
          ? `草稿已保存到服务器（${formatTime(draftState.savedAt)}），换一台电脑登录也能继续。`
          : '填写时自动保存草稿到服务器。';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space wrap align="center">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {v.cycle.title} · {v.receiptNumber ?? '（未编号）'}
          </Typography.Title>
          <Tag>{v.stateLabel}</Tag>
          {v.myScore && <Tag color="green">已评分 {v.myScore.total}</Tag>}
        </Space>
        {!readOnly && (
          <div style={{ marginTop: 8 }}>
            <Countdown due={v.dueAt} prefix="评审剩余" />
          </div>
        )}
        {v.cycle.blindReview ? (
          <Alert style={{ marginTop: 12 }} type="info" showIcon data-testid="blind-notice" title="匿名评审：申报单位的名称、信用代码、地址和联系人均不显示，材料以统一名称提供。" />
        ) : (
          v.organization && (
            <Typography.Paragraph style={{ marginTop: 12 }}>
              申报单位：{v.organization.name}（行业 {v.organization.industry}）
            </Typography.Paragraph>
          )
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          {/* Beside the sheet on a wide screen, the reading pane keeps its place while the sheet scrolls;
              above it on a phone, no higher than most of the screen, so a long material never pushes the sheet pages down. */}
          <div style={wide ? { position: 'sticky', top: 8, maxHeight: 'calc(100vh - 16px)', overflowY: 'auto' } : { maxHeight: '70vh', overflowY: 'auto' }} data-testid="reading-pane">
            <Card size="small" styles={{ body: { paddingTop: 0 } }}>
              <Tabs
                items={[
                  {
                    key: 'materials',
                    label: '申报材料',
                    children: (
                      <>
                        <List
                          size="small"
                          dataSource={v.materials}
                          locale={{ emptyText: '无材料' }}
                          style={{ marginBottom: 8 }}
                          renderItem={(m) => (
                            <List.Item
                              style={{ background: reading?.n === m.n ? 'var(--ant-color-primary-bg, #e6f4ff)' : undefined, paddingInline: 8 }}
                              actions={[
                                <Typography.Link key="download" aria-label={`下载 ${m.name}`} onClick={() => downloadMaterial(m)}>
                                  <DownloadOutlined />
                                </Typography.Link>,
                              ]}
                            >
                              {isPdf(m) ? (
                                <Typography.Link onClick={() => setReadingN(m.n)} data-testid={`read-material-${m.n}`}>
                                  {m.name}
                                </Typography.Link>
                              ) : (
                                <Typography.Link onClick={() => downloadMaterial(m)}>{m.name}</Typography.Link>
                              )}
                              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                                {fileSize(m.size)}
                              </Typography.Text>
                            </List.Item>
                          )}
                        />
                        {reading && <PdfPane key={reading.n} material={reading} onDownload={() => downloadMaterial(reading)} />}
                      </>
                    ),
                  },
                  { key: 'form', label: '申报表', children: <FormView form={v.form} family={familyOf(v.rubric.code)} /> },
                ]}
              />
            </Card>
          </div>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={`评分：${v.rubric.label}`}>
            <div
              data-testid="sticky-total"
              style={{ position: 'sticky', top: 0, zIndex: 5, background: 'var(--ant-color-bg-container, #fff)', padding: '8px 0', borderBottom: '1px solid rgba(5,5,5,0.06)', marginBottom: 12 }}
            >
              <Space wrap size="large" align="baseline">
                <Typography.Text strong style={{ fontSize: 20 }} data-testid="running-total">
                  当前总分 {total} / {v.rubric.total}
                </Typography.Text>
                <Typography.Text type="secondary">
                  已填 {filled}/{items.length} 项
                </Typography.Text>
              </Space>
            </div>
            {readOnly && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                data-testid="sheet-closed"
                title="本申报的专家评审阶段已结束，评分表只读，不能再修改。"
                description={
                  (closedNow ? '阶段在您填写期间结束，此后的修改未能保存。' : '') +
                  (v.myScore ? `已提交的评分（${formatTime(v.myScore.updatedAt)}）如下。` : '您未在阶段结束前提交评分。')
                }
              />
            )}
            <ErrorAlert error={error} />
            {!readOnly && (
              <Typography.Paragraph type={draftState.error ? 'danger' : 'secondary'} data-testid="draft-status">
                {draftText}
                {v.myScore ? `上次提交 ${formatTime(v.myScore.updatedAt)}，评审阶段结束前可修改。` : ''}
              </Typography.Paragraph>
            )}
            {v.rubric.guidance && <GuidanceNote guidance={v.rubric.guidance} />}
            <Form form={form} layout="vertical" onFinish={submit} onValuesChange={onValuesChange} disabled={readOnly}>
              {v.rubric.categories.map((c) => {
                const subtotal = round1(c.items.reduce((s, i) => s + valueOf(i.criterion), 0));
                return (
                  <Card
                    key={c.code}
                    size="small"
                    type="inner"
                    style={{ marginBottom: 12 }}
                    data-testid={`category-${c.code}`}
                    title={`${c.code} ${c.label}（${c.max} 分）`}
                    extra={<Typography.Text data-testid={`subtotal-${c.code}`}>小计 {subtotal} / {c.max}</Typography.Text>}
                  >
                    {c.items.map((item) => (
                      <ItemScore key={item.criterion} item={item} guide={guideOf(item)} band={bands?.[item.criterion]} readOnly={readOnly} />
                    ))}
                    <Row gutter={12}>
                      <Col xs={24} md={12}>
                        <Form.Item label="优势" name={['categories', c.code, 'strengths']} style={{ marginBottom: 8 }}>
                          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={5000} data-testid={`strengths-${c.code}`} placeholder={`${c.label}方面的优势`} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={12}>
                        <Form.Item label="改进机会" name={['categories', c.code, 'opportunities']} style={{ marginBottom: 8 }}>
                          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={5000} data-testid={`opportunities-${c.code}`} placeholder={`${c.label}方面的改进机会`} />
                        </Form.Item>
                      </Col>
                    </Row>
                  </Card>
                );
              })}
              <Form.Item label="评审意见" name="comment" style={{ marginTop: 16 }} rules={[{ required: true, min: 2, message: '请填写评审意见（至少 2 字）' }]}>
                <Input.TextArea autoSize={{ minRows: 3 }} maxLength={5000} data-testid="score-comment" />
              </Form.Item>
              {!readOnly && (
                <Space>
                  <Button type="primary" htmlType="submit" loading={busy}>
                    提交评分
                  </Button>
                  <Button danger onClick={() => setConflictOpen(true)}>
                    申报回避（利益冲突）
                  </Button>
                </Space>
              )}
            </Form>
          </Card>
        </Col>
      </Row>
      <Modal open={conflictOpen} title="申报回避" okText="确认回避" cancelText="取消" onOk={() => void declareConflict().catch(() => undefined)} onCancel={() => setConflictOpen(false)} destroyOnHidden>
        <Typography.Paragraph>与申报单位存在利益关系的，应当回避。确认后本任务结束，由系统另行分配专家。</Typography.Paragraph>
        <ErrorAlert error={conflictError} />
        <Form form={conflictForm} layout="vertical" preserve={false}>
          <Form.Item label="回避理由" name="reason" rules={[{ required: true, min: 2, message: '请填写回避理由' }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

/** How the bands work, with the source. */
function GuidanceNote({ guidance }: { guidance: RubricGuidance }) {
  return (
    <Alert
      type="info"
      style={{ marginBottom: 12 }}
      data-testid="guidance-note"
      title={`评分指南：${guidance.source}`}
      description={`过程类条目（4.1–4.6）按${guidance.process.dimensions.map((d) => d.label).join('–')}，结果类条目（4.7）按${guidance.results.dimensions.map((d) => d.label).join('–')}评价：先选定得分档位，再在档位内给分。`}
    />
  );
}

/** One rubric item: the band picker with the band's description (when the rubric has guidance), then the score. */
function ItemScore({ item, guide, band, readOnly }: { item: GuidedItem; guide?: ScoringGuide; band?: number; readOnly: boolean }) {
  const picked = guide && band !== undefined ? guide.bands[band] : undefined;
  const range = picked ? bandRange(item.max, picked) : undefined;
  return (
    <div style={{ marginBottom: 12 }} data-testid={`item-${item.criterion}`}>
      <Typography.Text strong>
        {item.criterion} {item.label}
      </Typography.Text>
      <Typography.Text type="secondary">（满分 {item.max} 分{guide ? ` · ${guide.kind === 'process' ? '过程' : '结果'}类` : ''}）</Typography.Text>
      {guide && (
        <Form.Item name={['bands', item.criterion]} style={{ margin: '6px 0' }} label={null}>
          <Radio.Group size="small" optionType="button" aria-label={`${item.criterion} ${item.label} 得分档位`} data-testid={`band-${item.criterion}`}>
            {guide.bands.map((b, i) => {
              const [lo, hi] = bandRange(item.max, b);
              return (
                <Radio.Button key={b.label} value={i} title={`${lo}–${hi} 分`}>
                  {b.label}
                </Radio.Button>
              );
            })}
          </Radio.Group>
        </Form.Item>
      )}
      {guide && picked && (
        <ul style={{ margin: '0 0 6px', paddingLeft: 18 }} data-testid={`band-guidance-${item.criterion}`}>
          {guide.dimensions.map((d, i) => (
            <li key={d.code}>
              <Typography.Text type="secondary">
                <b>{d.label}</b>：{picked.descriptions[i]}
              </Typography.Text>
            </li>
          ))}
        </ul>
      )}
      <Space align="baseline" wrap>
        <Form.Item
          name={['scores', item.criterion]}
          style={{ margin: 0 }}
          dependencies={[['bands', item.criterion]]}
          rules={[
            { required: !readOnly, message: '请评分' },
            {
              // Never clamped: a value above the maximum stays as typed, with the error beside it.
              validator: (_, value) => {
                const problem = scoreProblem(item, value, picked);
                return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
              },
            },
          ]}
        >
          <InputNumber step={0.5} style={{ width: 110 }} data-testid={`score-${item.criterion}`} aria-label={`${item.criterion} ${item.label} 得分`} />
        </Form.Item>
        {range && (
          <Typography.Text type="secondary" data-testid={`band-range-${item.criterion}`}>
            本档 {range[0]}–{range[1]} 分
          </Typography.Text>
        )}
      </Space>
    </div>
  );
}
