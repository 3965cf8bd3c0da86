import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Space, Typography } from 'antd';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import type { Application, AvailableAction } from '../../api/types';
import { ErrorAlert } from '../ErrorAlert';
import { applyFieldErrors } from '../formErrors';

/** Resolved on the objection itself, or through its own form: not offered as plain buttons. */
const HANDLED_ELSEWHERE = new Set(['uphold_objection', 'dismiss_objection', 'file_objection']);
const ONSITE = new Set(['pass_onsite_review', 'fail_onsite_review']);
const PRIMARY = new Set(['submit', 'resubmit', 'approve', 'pass_formal_review', 'pass_preliminary_review', 'endorse', 'shortlist', 'pass_onsite_review', 'pass_defense', 'close_panel_vote', 'approve_renewal']);
const DANGER = new Set(['withdraw', 'reject', 'revoke', 'decline', 'disqualify', 'decline_endorsement', 'not_shortlist', 'fail_onsite_review', 'fail_defense', 'reject_renewal']);

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
  beforeAct,
}: {
  application: Application;
  onDone: (outcome: ActionOutcome) => void;
  onConflict: (error: unknown) => void;
  onIneligible?: (reasons: string[]) => void;
  /** e.g. save the draft first; false stops the action. */
  beforeAct?: (action: string) => Promise<boolean>;
}) {
  const { message, modal } = App.useApp();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<string>();
  const [asking, setAsking] = useState<AvailableAction>();
  const [modalError, setModalError] = useState<unknown>();
  const [form] = Form.useForm();
  const actions = application.availableActions.filter((a) => !HANDLED_ELSEWHERE.has(a.action));

  const run = async (a: AvailableAction, body: { comment?: string; payload?: Record<string, unknown> } = {}): Promise<boolean> => {
    setBusy(a.action);
    setError(undefined);
    setModalError(undefined);
    try {
      if (beforeAct && !(await beforeAct(a.action))) return false;
      let updated: Application;
      if (a.action === 'close_panel_vote') {
        const result = await api.post<{ outcome?: { approve: number; reject: number; abstain: number; passed: boolean } }>(`/applications/${application.id}/votes/close`, undefined, { version: application.version });
        updated = await api.get<Application>(`/applications/${application.id}`);
        if (result.outcome) message.info(`表决结果：同意 ${result.outcome.approve}，反对 ${result.outcome.reject}，弃权 ${result.outcome.abstain}，${result.outcome.passed ? '通过' : '未通过'}`);
      } else {
        updated = await api.post<Application>(`/applications/${application.id}/actions/${a.action}`, body, { version: application.version });
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

  const needsDialog = (a: AvailableAction) => a.requiresComment || ONSITE.has(a.action) || a.action === 'revoke' || a.action === 'withdraw';

  const confirmDialog = async () => {
    if (!asking) return;
    const values = await form.validateFields();
    const payload: Record<string, unknown> = {};
    if (values.payload?.findings) payload.findings = values.payload.findings;
    if (values.payload?.scoreAdjustment !== undefined && values.payload?.scoreAdjustment !== null) payload.scoreAdjustment = values.payload.scoreAdjustment;
    if (values.payload?.banEditions !== undefined && values.payload?.banEditions !== null) payload.banEditions = values.payload.banEditions;
    const ok = await run(asking, { comment: values.comment || undefined, payload: Object.keys(payload).length ? payload : undefined });
    if (ok) {
      setAsking(undefined);
      form.resetFields();
    }
  };

  return (
    <Card title="您现在可以" size="small" data-testid="actions">
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
              <Popconfirm key={a.action} title={`确定「${a.label}」？`} okText="确定" cancelText="取消" onConfirm={() => run(a)}>
                <Button danger={DANGER.has(a.action)} type={PRIMARY.has(a.action) ? 'primary' : 'default'} loading={busy === a.action} data-action={a.action}>
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
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item label={asking?.requiresComment ? '理由（必填）' : '意见（可选）'} name="comment" rules={asking?.requiresComment ? [{ required: true, whitespace: true, message: '请填写理由' }] : []}>
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={5000} data-testid="action-comment" />
          </Form.Item>
          {asking && ONSITE.has(asking.action) && (
            <>
              <Form.Item label="现场评审发现" name={['payload', 'findings']}>
                <Input.TextArea autoSize={{ minRows: 2 }} maxLength={5000} />
              </Form.Item>
              <Form.Item label="分数调整（-100 到 100，最多一位小数）" name={['payload', 'scoreAdjustment']}>
                <InputNumber min={-100} max={100} step={0.5} />
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
