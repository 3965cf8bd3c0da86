import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Typography } from 'antd';
import { ApiError, api } from '../../api/client';
import type { Application, Cycle, Recommendation } from '../../api/types';
import { formatDate } from '../../lib/format';
import { useResource } from '../../lib/useResource';
import { type Page, WHOLE_LIST } from '../../lib/paging';
import { ErrorAlert } from '../ErrorAlert';
import { applyFieldErrors } from '../formErrors';

/** Awards whose selected applications the office may send up, and the award they go into. */
export const RECOMMENDS_INTO: Record<string, { code: string; name: string }> = {
  'district-quality-award': { code: 'city-quality-award', name: '市长质量管理奖' },
};
const SELECTED = new Set(['awarded', 'nominated']);

/**
 * 推荐 (office): an awarded or nominated 区长质量管理奖 application goes into an open 市长质量管理奖
 * cycle as a draft for the same enterprise, its form and materials copied; the enterprise completes
 * and submits it. A second recommendation is refused (409) with the existing draft named.
 */
export function RecommendCard({ application }: { application: Application }) {
  const { message } = App.useApp();
  const target = RECOMMENDS_INTO[application.cycle.awardCode];
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<Recommendation>();
  const [existing, setExisting] = useState<string>();
  const [form] = Form.useForm<{ cycleId: string; comment?: string }>();
  const cycles = useResource(() => api.get<Page<Cycle>>('/cycles', { query: { awardCode: target?.code, status: 'open', ...WHOLE_LIST } }), [open, target?.code], { enabled: open && !!target });
  if (!target || !SELECTED.has(application.state)) return null;

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      const res = await api.post<Recommendation>(`/applications/${application.id}/recommend`, { cycleId: values.cycleId, comment: values.comment?.trim() || undefined });
      setDone(res);
      setOpen(false);
      message.success(`已推荐至${target.name}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && typeof e.body.applicationId === 'string') setExisting(e.body.applicationId);
      applyFieldErrors(form, e, (f) => (f === 'cycleId' || f === 'comment' ? [f] : null));
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const choices = cycles.data?.items ?? [];
  return (
    <Card title="推荐参评" size="small" data-testid="recommend">
      {done ? (
        <Alert
          type="success"
          showIcon
          data-testid="recommended"
          title={`已推荐至${target.name}`}
          description={
            <>
              已为该单位生成申报草稿（申报书与材料已带入），由单位核对补充后提交。<Link to={`/application/${done.id}`}>查看推荐生成的申报</Link>
            </>
          }
        />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            该申报已{application.state === 'nominated' ? '获提名奖' : '获奖'}，可推荐申报{target.name}：将为该单位在所选评审周期生成一份草稿，申报书与材料一并带入。
          </Typography.Paragraph>
          <Button
            type="primary"
            data-testid="recommend-button"
            onClick={() => {
              setError(undefined);
              setExisting(undefined);
              form.resetFields();
              setOpen(true);
            }}
          >
            推荐至{target.name}
          </Button>
        </>
      )}
      <Modal
        open={open}
        title={`推荐至${target.name}`}
        okText="推荐"
        cancelText="取消"
        confirmLoading={busy}
        okButtonProps={{ disabled: cycles.data !== undefined && choices.length === 0 }}
        onOk={() => void submit().catch(() => undefined)}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <ErrorAlert error={error ?? cycles.error} />
        {existing && (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={<Link to={`/application/${existing}`}>查看已推荐生成的申报</Link>} />
        )}
        {cycles.data !== undefined && choices.length === 0 && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="no-open-cycles" title={`暂无开放申报的${target.name}评审周期`} description="请待上级评奖办公室开放申报后再推荐。" />
        )}
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item label="评审周期" name="cycleId" rules={[{ required: true, message: '请选择评审周期' }]}>
            <Select
              data-testid="recommend-cycle"
              loading={cycles.loading}
              placeholder={`开放申报中的${target.name}评审周期`}
              options={choices.map((c) => ({ value: c.id, label: `${c.title}（截止 ${formatDate(c.applicationClosesAt)}）` }))}
            />
          </Form.Item>
          <Form.Item label="推荐意见（可选）" name="comment">
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} data-testid="recommend-comment" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
