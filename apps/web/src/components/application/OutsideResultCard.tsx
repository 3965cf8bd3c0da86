import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Select, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { ApiError, api, download } from '../../api/client';
import type { Application } from '../../api/types';
import { useResource } from '../../lib/useResource';
import { ErrorAlert } from '../ErrorAlert';
import { applyFieldErrors } from '../formErrors';

/** GET /applications/:id/outside-result (written here until the generated types carry it). */
interface OutsideResult {
  applicationId: string;
  recommendedTo: string;
  recommendedOn: string;
  outcome: 'pending' | 'awarded' | 'not_awarded';
  outcomeText: string;
  documentNumber: string | null;
  decidedOn: string | null;
  note: string | null;
  stagesAbove: string;
  revision: number;
}

/** GET /applications/:id/endorsement. */
interface Endorsement {
  recommenderName: string;
  endorsedByRole: string;
  opinion: string | null;
  letter: { id: string; fileName: string } | null;
  endorsedAt: string;
}

/** The award's chain above the office, from /awards/:code. */
export interface OutsideChainInfo {
  recommendedTo: string;
  stagesAbove: string;
}

const SELECTED = new Set(['awarded', 'nominated']);
const OUTCOME_LABELS = { pending: '待上级评定', awarded: '已获评', not_awarded: '未获评' } as const;
const OUTCOME_COLORS = { pending: 'processing', awarded: 'success', not_awarded: 'default' } as const;

async function orNull<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

/** 推荐意见: who recommended the application, what it said, its sealed letter (read once it was endorsed). */
export function EndorsementCard({ application, endorsed }: { application: Application; endorsed: boolean }) {
  const endorsement = useResource(() => orNull(api.get<Endorsement>(`/applications/${application.id}/endorsement`)), [application.id, application.version], { enabled: endorsed });
  const e = endorsement.data;
  if (!endorsed || !e) return null;
  return (
    <Card title="推荐意见" size="small" data-testid="endorsement">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'who', label: '推荐单位', children: e.recommenderName },
          { key: 'opinion', label: '意见', children: e.opinion ?? '—' },
          {
            key: 'letter',
            label: '推荐意见书',
            children: e.letter ? (
              <Typography.Link onClick={() => void download(`/applications/${application.id}/endorsement-letters/${e.letter!.id}/content`, e.letter!.fileName, true)}>
                {e.letter.fileName}
              </Typography.Link>
            ) : (
              '—'
            ),
          },
        ]}
      />
    </Card>
  );
}

/**
 * 上级评选结果: an award decided above the office (鲁班奖, 中国质量奖, 中华老字号). The local 审定
 * only selects the application for recommendation; the office records when it went up and what
 * was decided there, and only that is worded as the award (荣获…). Everyone who may see the
 * application reads it; the office records it.
 */
export function OutsideResultCard({ application, chain, isAdmin }: { application: Application; chain?: OutsideChainInfo; isAdmin: boolean }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [form] = Form.useForm<{ recommendedTo?: string; recommendedOn?: Dayjs; outcome: OutsideResult['outcome']; documentNumber?: string; decidedOn?: Dayjs; note?: string }>();
  const selected = !!chain && SELECTED.has(application.state);
  // Answered whether or not anything is recorded yet (result null), so the page never logs a 404.
  const view = useResource(() => api.get<{ result: OutsideResult | null }>(`/applications/${application.id}/outside-result`), [application.id, application.version], { enabled: selected });
  if (!chain || !selected) return null;
  const r = view.data?.result ?? undefined;
  const result = view;

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      await api.put<OutsideResult>(`/applications/${application.id}/outside-result`, {
        recommendedTo: v.recommendedTo?.trim() || undefined,
        recommendedOn: v.recommendedOn?.format('YYYY-MM-DD'),
        outcome: v.outcome,
        documentNumber: v.documentNumber?.trim() || undefined,
        decidedOn: v.outcome === 'pending' ? undefined : v.decidedOn?.format('YYYY-MM-DD'),
        note: v.note?.trim() || undefined,
      });
      setOpen(false);
      message.success('已登记上级评选结果');
      void result.reload();
    } catch (e) {
      applyFieldErrors(form, e, (f) => (['recommendedTo', 'recommendedOn', 'outcome', 'documentNumber', 'decidedOn', 'note'].includes(f) ? [f] : null));
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="上级评选结果" size="small" data-testid="outside-result">
      {r ? (
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'outcome', label: '结果', children: <><Tag color={OUTCOME_COLORS[r.outcome]}>{OUTCOME_LABELS[r.outcome]}</Tag><span data-testid="outside-outcome">{r.outcomeText}</span></> },
            { key: 'to', label: '推荐至', children: `${r.recommendedTo}（${r.recommendedOn}）` },
            ...(r.documentNumber ? [{ key: 'doc', label: '文号', children: `${r.documentNumber}${r.decidedOn ? `（${r.decidedOn}）` : ''}` }] : []),
            ...(r.note ? [{ key: 'note', label: '备注', children: r.note }] : []),
          ]}
        />
      ) : (
        <Typography.Text type="secondary">
          本奖项由{chain.recommendedTo}评定（{chain.stagesAbove}）；本地审定为入选推荐，尚未登记上报情况。
        </Typography.Text>
      )}
      {isAdmin && (
        <Button
          style={{ marginTop: 8 }}
          onClick={() => {
            form.setFieldsValue({ recommendedTo: r?.recommendedTo ?? chain.recommendedTo, outcome: r?.outcome ?? 'pending', documentNumber: r?.documentNumber ?? undefined, note: r?.note ?? undefined });
            setError(undefined);
            setOpen(true);
          }}
          data-testid="outside-result-edit"
        >
          {r ? '更新上级评选结果' : '登记推荐上报'}
        </Button>
      )}
      <Modal open={open} title="登记上级评选结果" okText="保存" cancelText="取消" confirmLoading={busy} onOk={() => void submit().catch(() => undefined)} onCancel={() => setOpen(false)} destroyOnHidden>
        <ErrorAlert error={error} />
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="本地审定仅为入选推荐；只有登记为「已获评」并填写文号后，才向企业通知「荣获」。" />
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item label="推荐至" name="recommendedTo">
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item label="推荐日期" name="recommendedOn" rules={[{ required: true, message: '请选择推荐上报的日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item label="评定结果" name="outcome">
            <Select options={(Object.keys(OUTCOME_LABELS) as Array<keyof typeof OUTCOME_LABELS>).map((k) => ({ value: k, label: OUTCOME_LABELS[k] }))} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.outcome !== b.outcome}>
            {({ getFieldValue }) =>
              getFieldValue('outcome') !== 'pending' && (
                <>
                  <Form.Item label="文号" name="documentNumber" extra="如 建协〔2026〕18号；获评时必填。">
                    <Input maxLength={64} />
                  </Form.Item>
                  <Form.Item label="决定日期" name="decidedOn" rules={[{ required: true, message: '请选择上级评定的日期' }]}>
                    <DatePicker />
                  </Form.Item>
                </>
              )
            }
          </Form.Item>
          <Form.Item label="备注" name="note">
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
