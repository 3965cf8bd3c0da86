import { useState } from 'react';
import { App, Form, Input, Modal, Typography } from 'antd';
import { api } from '../api/client';
import { formatTime } from '../lib/format';
import { DEADLINE_KIND_LABELS } from '../lib/labels';
import { ErrorAlert } from './ErrorAlert';
import { applyFieldErrors } from './formErrors';

/** What the dialog needs of a deadline: the list's rows and an application's own deadlines both have it. */
export interface ExtendableDeadline {
  id: string;
  kind: string;
  dueAt: string;
}

/**
 * 延期: a new Beijing date (the end of that day) or a duration such as P7D, and a reason that goes into
 * the audit — the office extends a deadline from the 期限管理 list and from an application's 期限 card.
 * `deadline` open, undefined closed; `onExtended` has the deadline as the server moved it.
 */
export function ExtendDeadlineDialog({
  deadline,
  subject,
  onClose,
  onExtended,
}: {
  deadline: ExtendableDeadline | undefined;
  /** e.g. the application's receipt number, before the kind in the title. */
  subject?: string;
  onClose: () => void;
  onExtended: (moved: ExtendableDeadline) => void;
}) {
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>();
  const [form] = Form.useForm();
  const kind = deadline ? (DEADLINE_KIND_LABELS[deadline.kind] ?? deadline.kind) : '';
  const extend = async () => {
    if (!deadline) return;
    const values = await form.validateFields();
    setError(undefined);
    const value = String(values.value).trim();
    try {
      const moved = await api.post<ExtendableDeadline>(`/admin/deadlines/${deadline.id}/extend`, { reason: values.reason, ...(value.startsWith('P') ? { by: value } : { dueAt: value }) });
      message.success(`期限已延至 ${formatTime(moved.dueAt)}`);
      onExtended(moved);
    } catch (e) {
      applyFieldErrors(form, e, (f) => (f === 'dueAt' || f === 'by' ? ['value'] : [f]));
      setError(e);
    }
  };
  return (
    <Modal
      open={!!deadline}
      title={`延长期限：${subject ? `${subject} ` : ''}${kind}`}
      okText="延期"
      cancelText="取消"
      onOk={() => void extend().catch(() => undefined)}
      onCancel={onClose}
      afterClose={() => setError(undefined)}
      destroyOnHidden
    >
      {deadline && <Typography.Paragraph type="secondary">现截止于 {formatTime(deadline.dueAt)}；延期后相关提醒随之顺延，延期理由记入审计日志。</Typography.Paragraph>}
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="value" label="延至日期（YYYY-MM-DD，当日 24 时，北京时间）或延长时长（如 P7D）" rules={[{ required: true, message: '请填写新的截止日期或延长时长' }]}>
          <Input placeholder="2026-06-15 或 P7D" data-testid="extend-value" />
        </Form.Item>
        <Form.Item name="reason" label="延期理由" rules={[{ required: true, min: 2, message: '请填写延期理由' }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} data-testid="extend-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
