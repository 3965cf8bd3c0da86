import { Alert, Card, List, Typography } from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone, QuestionCircleTwoTone } from '@ant-design/icons';
import { api } from '../../api/client';
import type { Attachment, AwardDetail, Cycle, Organization } from '../../api/types';
import { useResource } from '../../lib/useResource';
import { eligibilityChecklist } from '@awardflow/rules';
import { incompleteFields, type Family } from './formModel';

/**
 * 提交前检查: every reason the application would be refused, before the enterprise presses submit —
 * missing materials, an incomplete form and each eligibility rule with its reason. Rules that rest on
 * records only the office holds are marked as checked at submission, where the API lists every failure.
 */
export function PreSubmitCheck({
  award,
  cycleId,
  organizationId,
  form,
  attachments,
  serverReasons,
}: {
  award: AwardDetail;
  cycleId: string;
  organizationId: string;
  form: Record<string, unknown>;
  attachments: Attachment[] | undefined;
  serverReasons: string[] | undefined;
}) {
  const cycle = useResource(() => api.get<Cycle>(`/cycles/${cycleId}`), [cycleId]);
  const org = useResource(() => api.get<Organization>(`/organizations/${organizationId}`), [organizationId]);
  const types = new Set((attachments ?? []).map((a) => a.documentType));
  const problems: string[] = [];
  for (const d of award.requiredDocuments) if (!d.optional && !types.has(d.type)) problems.push(`缺少申报材料：${d.label}`);
  problems.push(...incompleteFields(award.family as Family, form, award.requiredFormSections));
  // Years are counted to the cycle's reference date (截至申报截止日), as the API counts them.
  const referenceDate = cycle.data?.eligibilityReferenceDate;
  const rules = cycle.data && org.data ? eligibilityChecklist(cycle.data.eligibility, { organization: org.data, form, now: new Date().toISOString(), referenceDate }) : [];
  const failing = rules.filter((r) => r.ok === false);
  const ready = problems.length === 0 && failing.length === 0;

  return (
    <Card title="提交前检查" data-testid="presubmit-check">
      {serverReasons && serverReasons.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title="上次提交被退回，原因如下"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {serverReasons.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
          }
        />
      )}
      {ready ? (
        <Alert type="success" showIcon title="材料齐全、申报书完整，已知的申报条件均满足，可以提交" data-testid="presubmit-ready" style={{ marginBottom: 12 }} />
      ) : (
        <Alert type="warning" showIcon title={`还有 ${problems.length + failing.length} 个问题，提交前请处理`} data-testid="presubmit-problems" style={{ marginBottom: 12 }} />
      )}
      {problems.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>材料与申报书</Typography.Text>}
          dataSource={problems}
          renderItem={(p) => (
            <List.Item>
              <div>
                <CloseCircleTwoTone twoToneColor="#cf1322" /> <span style={{ marginLeft: 8 }}>{p}</span>
              </div>
            </List.Item>
          )}
        />
      )}
      <List
        size="small"
        loading={cycle.loading || org.loading}
        header={<Typography.Text strong>申报条件</Typography.Text>}
        dataSource={rules}
        renderItem={(r) => (
          <List.Item data-testid={`rule-${r.rule}`}>
            <div>
              {r.ok === true ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : r.ok === false ? <CloseCircleTwoTone twoToneColor="#cf1322" /> : <QuestionCircleTwoTone />}
              <span style={{ marginLeft: 8 }}>{r.label}</span>
              {r.reason && (
                <Typography.Text type={r.ok === false ? 'danger' : 'secondary'} style={{ marginLeft: 8 }}>
                  {r.ok === false ? '：' : '（'}
                  {r.reason}
                  {r.ok === false ? '' : '）'}
                </Typography.Text>
              )}
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
