import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Card, Form, Modal, Select, Space, Tag, Typography } from 'antd';
import { DataTable } from '../DataTable';
import { api } from '../../api/client';
import type { Application, ApplicationAssignment, AssignmentOutcome, Reassigned, ReviewerProfile } from '../../api/types';
import { formatTime, timeLeft } from '../../lib/format';
import { STATE_LABELS } from '../../lib/labels';
import { useResource } from '../../lib/useResource';
import { type Page, WHOLE_LIST_QUERY } from '../../lib/paging';
import { ErrorAlert } from '../ErrorAlert';
import { applyFieldErrors } from '../formErrors';

const AUTO = '__auto__';
const STAGE_LABELS: Record<string, string> = { expert: '资料评审' };

const STATUS: Record<ApplicationAssignment['status'], [string, string]> = {
  assigned: ['评审中', 'blue'],
  scored: ['已评分', 'green'],
  conflict: ['已回避', 'orange'],
  replaced: ['已改派', 'default'],
};

/**
 * 评审专家 (office): the application's expert assignments, current and ended, with their due dates
 * (overdue ones marked) and totals. An open one can be given to another expert — a named one or one
 * the rules choose; the server checks ties, declared conflicts and duplicates and says why in Chinese.
 * During 资料评审 an expert can also be added.
 */
export function ReviewAssignmentsCard({ application }: { application: Application }) {
  const { message } = App.useApp();
  const inReview = application.state === 'expert_review';
  const assignments = useResource(
    () => api.get<ApplicationAssignment[]>(`/reviews/applications/${application.id}/assignments`),
    [application.id, application.version],
    { pollMs: inReview ? 5000 : undefined },
  );
  const rows = assignments.data ?? [];
  const [reassigning, setReassigning] = useState<ApplicationAssignment>();
  const needPool = !!reassigning || inReview;
  const reviewers = useResource(() => api.get<Page<ReviewerProfile>>('/reviews/reviewers', WHOLE_LIST_QUERY), [needPool], { enabled: needPool });
  const [modalError, setModalError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reviewerId: string }>();
  const [addError, setAddError] = useState<unknown>();
  const [addReviewerId, setAddReviewerId] = useState<string>();

  if (!inReview && !rows.length && !assignments.error) return null;

  const onIt = new Set(rows.filter((r) => r.status === 'assigned' || r.status === 'scored').map((r) => r.reviewerId));
  const uscc = application.organization?.uscc;
  const expertOptions = (reviewers.data?.items ?? [])
    .filter((r) => r.active)
    .map((r) => {
      const notes = [`在评 ${r.openAssignments}/${r.maxLoad}`];
      if (uscc && r.ties.includes(uscc)) notes.push('与申报单位关联');
      if (onIt.has(r.userId)) notes.push('已在评审该申报');
      return { value: r.userId, label: `${r.displayName}（${notes.join('，')}）` };
    });

  const openReassign = (row: ApplicationAssignment) => {
    setModalError(undefined);
    form.resetFields();
    setReassigning(row);
  };

  const reassign = async () => {
    if (!reassigning) return;
    const { reviewerId } = await form.validateFields();
    setBusy(true);
    setModalError(undefined);
    try {
      const res = await api.post<Reassigned>(`/reviews/assignments/${reassigning.id}/reassign`, reviewerId === AUTO ? {} : { reviewerId });
      const name = expertOptions.find((o) => o.value === reviewerId)?.label.replace(/（.*$/, '');
      message.success(res.assignmentId ? `已改派给 ${name ?? '所选专家'}` : '已结束原任务，将按规则自动选择专家');
      setReassigning(undefined);
      await assignments.reload();
      void reviewers.reload();
    } catch (e) {
      // A reason about the chosen expert goes beside the choice; anything else above the form.
      if (!applyFieldErrors(form, e, (f) => (f === 'reviewerId' ? ['reviewerId'] : null))) setModalError(e);
    } finally {
      setBusy(false);
    }
  };

  const add = async (named: boolean) => {
    setAddError(undefined);
    try {
      const res = await api.post<AssignmentOutcome>(`/reviews/applications/${application.id}/assignments`, named ? { reviewerId: addReviewerId } : {});
      message.success(res.assigned?.length ? `已分配 ${res.assigned.length} 位专家` : '已按规则补派');
      setAddReviewerId(undefined);
      await assignments.reload();
    } catch (e) {
      setAddError(e);
    }
  };

  return (
    <Card title="评审专家" size="small" data-testid="review-assignments">
      <ErrorAlert error={assignments.error} />
      <DataTable<ApplicationAssignment>
        rowKey="id"
        size="small"
        loading={assignments.loading && !assignments.data}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: '尚未分配评审专家' }}
        onRow={(r) =>
          ({
            'data-testid': `assignment-row-${r.id}`,
            'data-status': r.status,
            'data-reviewer': r.reviewerId,
            style: r.overdue ? { background: '#fff1f0' } : undefined,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: '专家',
            render: (_, r) => (
              <>
                <div style={{ whiteSpace: 'nowrap' }}>{r.reviewerName}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                  {STAGE_LABELS[r.stage] ?? STATE_LABELS[r.stage] ?? r.stage} · {formatTime(r.assignedAt)} 分配
                </Typography.Text>
              </>
            ),
          },
          {
            title: '状态',
            render: (_, r) => (
              <Space size={4} wrap>
                <Tag color={STATUS[r.status]?.[1]}>{STATUS[r.status]?.[0] ?? r.status}</Tag>
                {r.overdue && (
                  <Tag color="red" data-testid="assignment-overdue">
                    已逾期
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            title: '评审期限',
            render: (_, r) => {
              const left = r.status === 'assigned' ? timeLeft(r.dueAt) : null;
              return (
                <>
                  <div style={{ whiteSpace: 'nowrap' }}>
                    <Typography.Text type={r.overdue ? 'danger' : undefined}>{formatTime(r.dueAt)}</Typography.Text>
                  </div>
                  {left && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="assignment-time-left">
                      剩 {left}
                    </Typography.Text>
                  )}
                  {r.scoredAt && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatTime(r.scoredAt)} 评分
                    </Typography.Text>
                  )}
                </>
              );
            },
          },
          { title: '总分', render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{r.total === null ? '—' : r.total}</span> },
          {
            title: '',
            render: (_, r) =>
              r.status === 'assigned' ? (
                <Button size="small" onClick={() => openReassign(r)} data-testid={`reassign-${r.id}`}>
                  重新分配
                </Button>
              ) : null,
          },
        ]}
      />
      {inReview && (
        <div style={{ marginTop: 12 }}>
          <ErrorAlert error={addError} onClose={() => setAddError(undefined)} />
          <Space wrap>
            <Button onClick={() => void add(false)}>按规则补派一位专家</Button>
            <Select style={{ width: 260 }} placeholder="指定专家" value={addReviewerId} onChange={setAddReviewerId} options={expertOptions} />
            <Button disabled={!addReviewerId} onClick={() => void add(true)}>
              分配指定专家
            </Button>
            <Link to="/office/flags">待分配专家的申报</Link>
          </Space>
        </div>
      )}
      <Modal
        open={!!reassigning}
        title={`重新分配：${reassigning?.reviewerName ?? ''} 的评审任务`}
        okText="重新分配"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => void reassign().catch(() => undefined)}
        onCancel={() => setReassigning(undefined)}
        destroyOnHidden
      >
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="原专家的任务将结束（记为「已改派」），改由所选专家评审；已逾期的任务也可以改派。" />
        <ErrorAlert error={modalError} />
        <Form form={form} layout="vertical" preserve={false} initialValues={{ reviewerId: AUTO }}>
          <Form.Item label="改派给" name="reviewerId" rules={[{ required: true, message: '请选择专家' }]}>
            <Select
              data-testid="reassign-select"
              showSearch={{ optionFilterProp: 'label' }}
              loading={reviewers.loading}
              options={[{ value: AUTO, label: '按规则自动选择（专业匹配、回避、工作量均衡）' }, ...expertOptions]}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
