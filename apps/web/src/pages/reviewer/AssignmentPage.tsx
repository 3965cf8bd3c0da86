import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, List, Modal, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { api, download } from '../../api/client';
import { errorText } from '../../api/errors';
import type { ReviewerApplicationView, RubricItem, Scored } from '../../api/types';
import { FormView } from '../../components/application/FormView';
import type { Family } from '../../components/application/formModel';
import { Countdown } from '../../components/Countdown';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../components/formErrors';
import { fileSize, formatTime } from '../../lib/format';
import { useResource } from '../../lib/useResource';

interface Draft {
  scores: Record<string, number | null>;
  comment: string;
  savedAt: string;
}

const draftKey = (assignmentId: string) => `awardflow.scoreDraft.${assignmentId}`;

function loadDraft(assignmentId: string): Draft | null {
  try {
    const raw = localStorage.getItem(draftKey(assignmentId));
    return raw ? (JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}

function familyOf(rubricCode: string): Family {
  if (rubricCode.includes('19580')) return 'quality';
  return rubricCode.startsWith('engineering') ? 'engineering' : 'brand';
}

/**
 * One assignment as the reviewer may see it (blind where the cycle says so): the form, the materials
 * under neutral names, and the rubric as a scoring form — each item's maximum, a running total and a
 * draft kept in localStorage until the scores are submitted. A conflict of interest can be declared.
 */
export default function AssignmentPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const view = useResource(() => api.get<ReviewerApplicationView>(`/reviews/assignments/${id}/application`), [id]);
  const v = view.data;
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [draftSavedAt, setDraftSavedAt] = useState<string>();
  const [conflictOpen, setConflictOpen] = useState(false);
  const [conflictError, setConflictError] = useState<unknown>();
  const [conflictForm] = Form.useForm();
  const scores = Form.useWatch('scores', form) as Record<string, number | null> | undefined;

  const items: RubricItem[] = useMemo(() => v?.rubric.categories.flatMap((c) => c.items) ?? [], [v]);
  const total = Math.round(items.reduce((s, i) => s + (typeof scores?.[i.criterion] === 'number' ? (scores[i.criterion] as number) : 0), 0) * 10) / 10;
  const filled = items.filter((i) => typeof scores?.[i.criterion] === 'number').length;

  // Start from the local draft if there is one, else from the scores already submitted.
  useEffect(() => {
    if (!v) return;
    const draft = loadDraft(v.assignmentId);
    if (draft && (!v.myScore || new Date(draft.savedAt) > new Date(v.myScore.updatedAt))) {
      form.setFieldsValue({ scores: draft.scores, comment: draft.comment });
      setDraftSavedAt(draft.savedAt);
    } else if (v.myScore) {
      form.setFieldsValue({ scores: Object.fromEntries(v.myScore.items.map((i) => [i.criterion, i.score])), comment: v.myScore.comment });
    }
  }, [v, form]);

  const keepDraft = () => {
    const values = form.getFieldsValue(true) as { scores?: Record<string, number | null>; comment?: string };
    const draft: Draft = { scores: values.scores ?? {}, comment: values.comment ?? '', savedAt: new Date().toISOString() };
    localStorage.setItem(draftKey(id), JSON.stringify(draft));
    setDraftSavedAt(draft.savedAt);
  };

  const submit = async (values: { scores: Record<string, number | null>; comment: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const body = { items: items.map((i) => ({ criterion: i.criterion, score: values.scores?.[i.criterion] as number })), comment: values.comment };
      const res = await api.post<Scored>(`/reviews/assignments/${id}/scores`, body);
      localStorage.removeItem(draftKey(id));
      setDraftSavedAt(undefined);
      message.success(`评分已提交，总分 ${res.total}${res.stageComplete ? '；本申报的专家评审已全部完成' : ''}`);
      await view.reload();
    } catch (e) {
      setError(e);
      applyFieldErrors(form, e, (f) => {
        const m = /^items\[(.+)\]$/.exec(f);
        if (m) return ['scores', m[1]];
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
      localStorage.removeItem(draftKey(id));
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
        <div style={{ marginTop: 8 }}>
          <Countdown due={v.dueAt} prefix="评审剩余" />
        </div>
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
        <Col xs={24} xl={12}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <FormView form={v.form} family={familyOf(v.rubric.code)} />
            <Card title="申报材料" size="small">
              <List
                size="small"
                dataSource={v.materials}
                locale={{ emptyText: '无材料' }}
                renderItem={(m) => (
                  <List.Item>
                    <Typography.Link onClick={() => void download(m.url, m.name, true).catch((e) => message.error(errorText(e)))}>
                      <DownloadOutlined /> {m.name}
                    </Typography.Link>
                    <Typography.Text type="secondary">{fileSize(m.size)}</Typography.Text>
                  </List.Item>
                )}
              />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            title={`评分：${v.rubric.label}`}
            extra={<Statistic title="当前总分" value={total} suffix={`/ ${v.rubric.total}`} styles={{ content: { fontSize: 20 } }} data-testid="running-total" />}
          >
            <ErrorAlert error={error} />
            <Typography.Paragraph type="secondary" data-testid="draft-status">
              已填 {filled}/{items.length} 项。{draftSavedAt ? `草稿已保存在本机（${formatTime(draftSavedAt)}）` : '填写时自动在本机保存草稿'}
              {v.myScore ? `；上次提交 ${formatTime(v.myScore.updatedAt)}，评审阶段结束前可修改。` : ''}
            </Typography.Paragraph>
            <Form form={form} layout="vertical" onFinish={submit} onValuesChange={keepDraft}>
              {v.rubric.categories.map((c) => (
                <div key={c.code}>
                  <Typography.Title level={5}>
                    {c.code} {c.label}（{c.max} 分）
                  </Typography.Title>
                  <Table
                    size="small"
                    pagination={false}
                    rowKey="criterion"
                    dataSource={c.items}
                    columns={[
                      { title: '条目', width: 70, dataIndex: 'criterion' },
                      { title: '内容', dataIndex: 'label' },
                      { title: '满分', width: 60, dataIndex: 'max' },
                      {
                        title: '得分',
                        width: 130,
                        render: (_, item: RubricItem) => (
                          <Form.Item
                            name={['scores', item.criterion]}
                            style={{ margin: 0 }}
                            rules={[
                              { required: true, message: '请评分' },
                              { type: 'number', min: 0, max: item.max, message: `0–${item.max} 分` },
                            ]}
                          >
                            <InputNumber min={0} max={item.max} step={0.5} precision={1} style={{ width: 100 }} data-testid={`score-${item.criterion}`} aria-label={`${item.criterion} ${item.label} 得分`} />
                          </Form.Item>
                        ),
                      },
                    ]}
                  />
                </div>
              ))}
              <Form.Item label="评审意见" name="comment" style={{ marginTop: 16 }} rules={[{ required: true, min: 2, message: '请填写评审意见（至少 2 字）' }]}>
                <Input.TextArea autoSize={{ minRows: 3 }} maxLength={5000} data-testid="score-comment" />
              </Form.Item>
              <Space>
                <Button type="primary" htmlType="submit" loading={busy}>
                  提交评分
                </Button>
                <Button danger onClick={() => setConflictOpen(true)}>
                  申报回避（利益冲突）
                </Button>
              </Space>
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
