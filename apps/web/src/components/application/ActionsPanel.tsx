import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Space, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { ApiError, api } from '../../api/client';
import { describeError } from '../../api/errors';
import { GENERIC_ACTION_ROUTE } from '@awardflow/rules';
import type { Application, AvailableAction, VoteClosed } from '../../api/types';
import { ErrorAlert } from '../ErrorAlert';
import { STATE_LABELS } from '../../lib/labels';
import { applyFieldErrors } from '../formErrors';

/** The committee's vote is counted on its own route; the panel offers it as a button. */
const VOTES_CLOSE = 'POST /applications/:id/votes/close';
const ONSITE = new Set(['pass_onsite_review', 'fail_onsite_review']);
const PRIMARY = new Set(['submit', 'resubmit', 'approve', 'pass_formal_review', 'pass_preliminary_review', 'endorse', 'shortlist', 'pass_onsite_review', 'pass_defense', 'pass_comprehensive_selection', 'close_panel_vote', 'government_approve', 'approve_renewal']);
const DANGER = new Set(['withdraw', 'reject', 'revoke', 'decline', 'disqualify', 'decline_endorsement', 'not_shortlist', 'fail_onsite_review', 'fail_defense', 'fail_comprehensive_selection', 'government_decline', 'reject_renewal']);
/** A scored 企业答辩 (the definition labels its ways out 「…（记录答辩得分）」): the score goes with either. */
const scoredDefense = (a?: AvailableAction) => !!a && (a.action === 'pass_defense' || a.action === 'fail_defense') && a.label.includes('答辩得分');

export interface ActionOutcome {
  action: string;
  application: Application;
}

/**
 * 您现在可以: what the viewer may do now, from availableActions. Every action is sent with the
 * version the viewer saw (If-Match); a 409 says someone else acted first and shows the new state.
 */
export function ActionsPanel({
  application,
  onDone,
  onConflict,
  onIneligible,
  onGone,
  beforeAct,
  blocked,
}: {
  application: Application;
  /**
   * Actions the page knows would be refused now (submit with materials missing), with the reasons
   * as the API words them: their buttons are disabled and the reasons listed above them.
   */
  blocked?: { actions: string[]; reasons: string[] };
  onDone: (outcome: ActionOutcome) => void;
  onConflict: (error: unknown) => void;
  onIneligible?: (reasons: string[]) => void;
  /**
   * The action was answered 404: the application has left what the viewer may see — an expert's
   * 形式审查 or 现场评审 moves it on to a stage the expert is not part of (or someone else did first).
   */
  onGone?: (action: AvailableAction, done?: boolean) => void;
  /** e.g. save the draft first; false stops the action, a saved application gives the version to act on. */
  beforeAct?: (action: string) => Promise<boolean | Application>;
}) {
  const { message, modal } = App.useApp();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<string>();
  const [asking, setAsking] = useState<AvailableAction>();
  const [modalError, setModalError] = useState<unknown>();
  const [form] = Form.useForm();
  // Objections are filed and resolved on their own card (their routes need a written record).
  const actions = application.availableActions.filter((a) => a.route === GENERIC_ACTION_ROUTE || a.route === VOTES_CLOSE);

  const run = async (a: AvailableAction, body: { comment?: string; payload?: Record<string, unknown> } = {}): Promise<boolean> => {
    setBusy(a.action);
    setError(undefined);
    setModalError(undefined);
    try {
      const prepared = beforeAct ? await beforeAct(a.action) : true;
      if (!prepared) return false;
      // A draft saved just now is a new version: act on that one.
      const version = typeof prepared === 'object' ? prepared.version : application.version;
      let updated: Application;
      if (a.route === VOTES_CLOSE) {
        const result = await api.post<VoteClosed>(`/applications/${application.id}/votes/close`, undefined, { version });
        updated = await api.get<Application>(`/applications/${application.id}`);
        message.info(`表决结果：同意 ${result.outcome.approve}，反对 ${result.outcome.reject}，弃权 ${result.outcome.abstain}，${result.outcome.passed ? '通过' : '未通过'}`);
      } else {
        updated = await api.post<Application>(`/applications/${application.id}/actions/${a.action}`, body, { version });
      }
      // Whoever may still act on it still sees it; only an answer with nothing left to do is checked.
      if (onGone && updated.availableActions.length === 0 && !(await stillVisible(application.id))) {
        // It went through and moved out of the viewer's sight (an expert's 形式审查 or 现场评审).
        setAsking(undefined);
        message.success(`已办理：${a.label}`);
        onGone(a, true);
        return true;
      }
      onDone({ action: a.action, application: updated });
      if ((a.action === 'submit' || a.action === 'resubmit') && updated.receiptNumber) {
        modal.success({
          title: a.action === 'submit' ? '申报已提交' : '补正材料已提交',
          content: (
            <span data-testid="receipt-number">
              受理编号：<Typography.Text strong copyable>{updated.receiptNumber}</Typography.Text>
            </span>
          ),
          okText: '知道了',
        });
      } else {
        message.success(`已办理：${a.label}`);
      }
      return true;
    } catch (e) {
      if (onGone && e instanceof ApiError && e.status === 404) {
        setAsking(undefined);
        onGone(a);
        return false;
      }
      const d = describeError(e);
      if (d.conflict) onConflict(e);
      if (e instanceof Error && 'body' in e && (e as { body: { code?: string; reasons?: Array<{ reason: string }> } }).body.code === 'INELIGIBLE') {
        onIneligible?.(((e as { body: { reasons?: Array<{ reason: string }> } }).body.reasons ?? []).map((r) => r.reason));
      }
      if (d.conflict && !asking) return false; // the page shows the conflict and the new state above
      if (asking) {
        setModalError(e);
        applyFieldErrors(form, e, (f) => (f === 'comment' ? ['comment'] : f.startsWith('payload.') ? ['payload', f.slice(8)] : null));
      } else setError(e);
      return false;
    } finally {
      setBusy(undefined);
    }
  };

  // What an action leads to, said before it is taken; an action that ends the application says it cannot be undone.
  const consequence = (a: AvailableAction) => `办理后申报将转为「${STATE_LABELS[a.to] ?? a.to}」${a.ends ? '，流程就此结束，不能撤回' : ''}。`;

  // 现场评审: the findings are the reason (the API takes them as the comment when none is given).
  const commentRequired = !!asking?.requiresComment && !ONSITE.has(asking.action);
  const needsDialog = (a: AvailableAction) => a.requiresComment || ONSITE.has(a.action) || scoredDefense(a) || a.action === 'revoke' || a.action === 'withdraw' || a.action === 'endorse';
  // 同意推荐 carries the recommender's 推荐意见: its opinion and the sealed letter (a PDF uploaded first).
  const [letter, setLetter] = useState<UploadFile[]>([]);

  const confirmDialog = async () => {
    if (!asking) return;
    const values = await form.validateFields();
    const payload: Record<string, unknown> = {};
    if (values.payload?.findings?.trim()) payload.findings = values.payload.findings.trim();
    if (values.payload?.scoreAdjustment !== undefined && values.payload?.scoreAdjustment !== null) payload.scoreAdjustment = values.payload.scoreAdjustment;
    if (values.payload?.banEditions !== undefined && values.payload?.banEditions !== null) payload.banEditions = values.payload.banEditions;
    if (values.payload?.defenseScore !== undefined && values.payload?.defenseScore !== null) payload.defenseScore = values.payload.defenseScore;
    if (asking.action === 'endorse') {
      if (values.payload?.opinion?.trim()) payload.opinion = values.payload.opinion.trim();
      const file = letter[0]?.originFileObj;
      if (file) {
        const body = new FormData();
        body.append('file', file, file.name);
        try {
          payload.letterId = (await api.post<{ id: string }>(`/applications/${application.id}/endorsement-letters`, body)).id;
        } catch (e) {
          setModalError(e);
          return;
        }
      }
    }
    const ok = await run(asking, { comment: values.comment || undefined, payload: Object.keys(payload).length ? payload : undefined });
    if (ok) {
      setAsking(undefined);
      setLetter([]);
      form.resetFields();
    }
  };

  const isBlocked = (a: AvailableAction) => !!blocked?.reasons.length && blocked.actions.includes(a.action);
  const blockedShown = actions.filter(isBlocked);

  return (
    <Card title="您现在可以" size="small" data-testid="actions">
      {blockedShown.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="submit-blocked"
          style={{ marginBottom: 12 }}
          title={`暂不能「${blockedShown.map((a) => a.label).join('」「')}」，请先处理：`}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {blocked!.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          }
        />
      )}
      <ErrorAlert error={error} onClose={() => setError(undefined)} />
      {actions.length === 0 ? (
        <Typography.Text type="secondary" data-testid="no-actions">
          {application.terminal ? '该申报已办结。' : '当前没有需要您办理的事项。'}
        </Typography.Text>
      ) : (
        <Space wrap>
          {actions.map((a) =>
            needsDialog(a) ? (
              <Button
                key={a.action}
                danger={DANGER.has(a.action)}
                type={PRIMARY.has(a.action) ? 'primary' : 'default'}
                loading={busy === a.action}
                data-action={a.action}
                onClick={() => {
                  setModalError(undefined);
                  form.resetFields();
                  setAsking(a);
                }}
              >
                {a.label}
              </Button>
            ) : (
              <Popconfirm key={a.action} title={`确定「${a.label}」？`} description={consequence(a)} okText="确定" cancelText="取消" onConfirm={() => run(a)} disabled={isBlocked(a)}>
                <Button danger={DANGER.has(a.action)} type={PRIMARY.has(a.action) ? 'primary' : 'default'} loading={busy === a.action} data-action={a.action} disabled={isBlocked(a)}>
                  {a.label}
                </Button>
              </Popconfirm>
            ),
          )}
        </Space>
      )}
      <Modal
        open={!!asking}
        title={asking?.label}
        okText="确定"
        cancelText="取消"
        confirmLoading={!!busy}
        onOk={() => void confirmDialog().catch(() => undefined)}
        onCancel={() => setAsking(undefined)}
        destroyOnHidden
      >
        <ErrorAlert error={modalError} />
        {asking && <Alert type={asking.ends ? 'warning' : 'info'} showIcon title={consequence(asking)} style={{ marginBottom: 16 }} data-testid="action-consequence" />}
        <Form form={form} layout="vertical" preserve={false}>
          {asking && ONSITE.has(asking.action) && (
            <>
              <Form.Item
                label="现场评审发现（必填）"
                name={['payload', 'findings']}
                extra="现场核实的情况、亮点与不足，将记入评审记录。"
                rules={[{ required: true, whitespace: true, min: 2, message: '请填写现场评审发现（至少 2 个字）' }]}
              >
                <Input.TextArea autoSize={{ minRows: 3 }} maxLength={5000} data-testid="onsite-findings-input" />
              </Form.Item>
              <Form.Item
                label="分数调整"
                name={['payload', 'scoreAdjustment']}
                extra="可选：-100 到 100，最多一位小数；正数加分、负数减分，排名按「资料评审得分 + 调整」计算。"
                rules={[
                  {
                    validator: async (_, v: number | null | undefined) => {
                      if (v === undefined || v === null) return;
                      if (v < -100 || v > 100) throw new Error('分数调整须在 -100 到 100 之间');
                      if (Math.abs(v * 10 - Math.round(v * 10)) > 1e-6) throw new Error('分数调整最多保留一位小数');
                    },
                  },
                ]}
              >
                <InputNumber min={-100} max={100} step={0.5} style={{ width: 160 }} suffix="分" data-testid="onsite-adjustment-input" />
              </Form.Item>
            </>
          )}
          <Form.Item
            label={commentRequired ? '理由（必填）' : '意见（可选）'}
            name="comment"
            extra={asking && ONSITE.has(asking.action) ? '未填写时，以现场评审发现作为办理意见。' : undefined}
            rules={commentRequired ? [{ required: true, whitespace: true, message: '请填写理由' }] : []}
          >
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={5000} data-testid="action-comment" />
          </Form.Item>
          {scoredDefense(asking) && (
            <Form.Item label="答辩得分（必填）" name={['payload', 'defenseScore']} extra="0 到 100，最多一位小数；计入排名的综合得分。" rules={[{ required: true, message: '请填写答辩得分' }]}>
              <InputNumber min={0} max={100} step={0.5} style={{ width: 160 }} suffix="分" data-testid="defense-score-input" />
            </Form.Item>
          )}
          {asking?.action === 'endorse' && (
            <>
              <Form.Item label="推荐意见" name={['payload', 'opinion']} extra="推荐单位对申报的意见，将随推荐记入评审记录。">
                <Input.TextArea autoSize={{ minRows: 3 }} maxLength={2000} data-testid="endorse-opinion" />
              </Form.Item>
              <Form.Item label="推荐意见书（加盖公章的 PDF）" extra="按本届要求上传；只接受 PDF，至多 10 MB。">
                <Upload accept="application/pdf,.pdf" maxCount={1} fileList={letter} beforeUpload={() => false} onChange={({ fileList }) => setLetter(fileList.slice(-1))}>
                  <Button data-testid="endorse-letter">选择文件</Button>
                </Upload>
              </Form.Item>
            </>
          )}
          {asking?.action === 'revoke' && (
            <Form.Item label="禁止再次申报届数（0–10）" name={['payload', 'banEditions']}>
              <InputNumber min={0} max={10} precision={0} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}

/** Whether the viewer may still read the application (an action can move it out of sight). */
async function stillVisible(id: string): Promise<boolean> {
  try {
    await api.get<Application>(`/applications/${id}`);
    return true;
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return false;
    return true;
  }
}
