import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Card, DatePicker, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StateTag } from '../../components/StateTag';
import { formatDate } from '../../lib/format';
import { useResource } from '../../lib/useResource';

// Hand-written until the integrator regenerates schema.ts (GET/POST /rechecks).
interface RecheckItem {
  id: string;
  applicationId: string;
  organizationName: string;
  state: string;
  stateLabel: string;
  outcome: 'passed' | 'rectification' | 'revoked' | null;
  outcomeLabel: string | null;
  comment: string | null;
  rectificationDueOn: string | null;
  decidedAt: string | null;
}
interface RecheckRound {
  id: string;
  awardCode: string;
  awardName: string;
  title: string;
  startedOn: string;
  items: RecheckItem[];
}
type Outcome = NonNullable<RecheckItem['outcome']>;

/** 老字号 do not expire; these are the awards whose office re-checks them (复核). */
const RECHECKED_AWARDS = [
  { value: 'cq-time-honored-brand', label: '重庆老字号' },
  { value: 'china-time-honored-brand', label: '中华老字号' },
];
const OUTCOME_COLORS: Record<Outcome, string> = { passed: 'green', rectification: 'orange', revoked: 'red' };

/**
 * 老字号复核: a round lists every recognised 老字号 of the office; each gets 通过, 限期整改 (with its
 * deadline, then 复核 again) or 撤销认定 (《中华老字号示范创建管理办法》商流通规发〔2023〕6号).
 */
export default function RechecksPage() {
  const { message } = App.useApp();
  const rounds = useResource(() => api.get<{ items: RecheckRound[] }>('/rechecks'), []);
  const [award, setAward] = useState(RECHECKED_AWARDS[0].value);
  const [deciding, setDeciding] = useState<{ round: RecheckRound; item: RecheckItem } | null>(null);
  const [error, setError] = useState<unknown>();
  const [form] = Form.useForm<{ outcome: Outcome; comment?: string; due?: Dayjs }>();

  const start = async () => {
    setError(undefined);
    try {
      const round = await api.post<RecheckRound>('/rechecks', { awardCode: award });
      message.success(`已发起复核，列入 ${round.items.length} 家`);
      await rounds.reload();
    } catch (e) {
      setError(e);
    }
  };

  const decide = async () => {
    if (!deciding) return;
    const values = await form.validateFields();
    setError(undefined);
    try {
      await api.post(`/rechecks/${deciding.round.id}/items/${deciding.item.id}/outcome`, {
        outcome: values.outcome,
        ...(values.comment ? { comment: values.comment } : {}),
        ...(values.outcome === 'rectification' && values.due ? { rectificationDueOn: values.due.format('YYYY-MM-DD') } : {}),
      });
      message.success('已作出复核结论');
      setDeciding(null);
      await rounds.reload();
    } catch (e) {
      setError(e);
    }
  };

  const outcome = Form.useWatch('outcome', form);
  return (
    <Card
      title="老字号复核"
      extra={
        <Space>
          <Select aria-label="复核的奖项" style={{ width: 160 }} value={award} onChange={setAward} options={RECHECKED_AWARDS} />
          <Button type="primary" onClick={start} data-testid="start-recheck">
            发起复核
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={error ?? rounds.error} onClose={() => setError(undefined)} />
      <Typography.Paragraph type="secondary">老字号不设有效期，由认定机关定期复核：通过、限期整改（整改期满后再次复核）或撤销认定。撤销认定的企业移出公开名单。</Typography.Paragraph>
      {(rounds.data?.items ?? []).map((round) => (
        <Card key={round.id} type="inner" title={`${round.title}（${round.startedOn} 发起）`} style={{ marginBottom: 16 }}>
          <Table<RecheckItem>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={round.items}
            columns={[
              { title: '企业', render: (_, i) => <Link to={`/application/${i.applicationId}`}>{i.organizationName}</Link> },
              { title: '当前状态', render: (_, i) => <StateTag state={i.state} label={i.stateLabel} /> },
              { title: '复核结论', render: (_, i) => (i.outcome ? <Tag color={OUTCOME_COLORS[i.outcome]}>{i.outcomeLabel}</Tag> : '待复核') },
              { title: '整改期限', render: (_, i) => i.rectificationDueOn ?? '—' },
              { title: '意见', dataIndex: 'comment', render: (c: string | null) => c ?? '—' },
              { title: '作出时间', render: (_, i) => formatDate(i.decidedAt) },
              {
                title: '操作',
                render: (_, i) =>
                  i.outcome === null || i.outcome === 'rectification' ? (
                    <Button
                      size="small"
                      onClick={() => {
                        form.resetFields();
                        setDeciding({ round, item: i });
                      }}
                    >
                      {i.outcome === 'rectification' ? '整改后复核' : '作出结论'}
                    </Button>
                  ) : null,
              },
            ]}
          />
        </Card>
      ))}
      <Modal open={!!deciding} title={`复核：${deciding?.item.organizationName ?? ''}`} okText="确定" cancelText="取消" onOk={decide} onCancel={() => setDeciding(null)} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ outcome: 'passed' }}>
          <Form.Item name="outcome" label="复核结论" rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: 'passed', label: '通过' },
                ...(deciding?.item.outcome === 'rectification' && deciding.item.state === 'rectification' ? [] : [{ value: 'rectification', label: '限期整改' }]),
                { value: 'revoked', label: '撤销认定' },
              ]}
            />
          </Form.Item>
          {outcome === 'rectification' && (
            <Form.Item name="due" label="整改期限（默认 6 个月）">
              <DatePicker />
            </Form.Item>
          )}
          <Form.Item name="comment" label={outcome === 'rectification' ? '整改要求' : outcome === 'revoked' ? '撤销理由' : '意见（可选）'} rules={[{ required: outcome !== 'passed', message: '请填写' }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
