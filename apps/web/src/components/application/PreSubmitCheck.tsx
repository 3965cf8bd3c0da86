import { useEffect } from 'react';
import { Alert, Card, Descriptions, List, Typography } from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone, PhoneOutlined, QuestionCircleTwoTone } from '@ant-design/icons';
import { api } from '../../api/client';
import type { Attachment, AwardDetail, Cycle, Organization } from '../../api/types';
import { useResource } from '../../lib/useResource';
import { eligibilityChecklist } from '@awardflow/rules';
import { incompleteFields, type Family } from './formModel';

/** GET /offices/:id/contact (written here until the console's API types are regenerated). */
interface OfficeContact {
  officeId: string;
  officeName: string;
  unit: string | null;
  phone: string | null;
  address: string | null;
  email: string | null;
}

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
  onBlockers,
}: {
  award: AwardDetail;
  cycleId: string;
  organizationId: string;
  form: Record<string, unknown>;
  attachments: Attachment[] | undefined;
  serverReasons: string[] | undefined;
  /** Every reason submission would be refused now, for the page to hold the submit button back. */
  onBlockers?: (reasons: string[]) => void;
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
  // Gates only the office can open: a rule on its records (信用记录), or a credit grade it has not
  // yet recorded (质量信用等级 is graded by the market-supervision office, not by the enterprise).
  const officeGates = rules.filter((r) => r.ok === null || (r.ok === false && r.rule === 'min_credit_grade' && !org.data?.creditGrade));
  const officeNeeded = officeGates.some((r) => r.ok === false) || (serverReasons?.length ?? 0) > 0;
  const officeId = cycle.data?.officeId;
  const contact = useResource(() => api.get<OfficeContact>(`/offices/${officeId}/contact`), [officeId], { enabled: !!officeId });
  const blockers = [...problems, ...failing.map((r) => `${r.label}：${r.reason ?? '不满足'}`)];
  const key = blockers.join('\n');
  useEffect(() => {
    // Until the cycle and the organisation are read, nothing is known to block.
    if (cycle.data && org.data) onBlockers?.(key ? key.split('\n') : []);
  }, [key, cycle.data, org.data, onBlockers]);

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
      {officeGates.length > 0 && (
        <Alert
          type={officeNeeded ? 'warning' : 'info'}
          showIcon
          icon={<PhoneOutlined />}
          data-testid="office-contact"
          style={{ marginBottom: 12 }}
          title={
            officeNeeded
              ? `以下事项需评奖办公室办理：${officeGates.map((r) => r.label).join('、')}，请联系${contact.data?.officeName ?? '评奖办公室'}`
              : `${officeGates.map((r) => r.label).join('、')}由评奖办公室核查；如有疑问，请联系${contact.data?.officeName ?? '评奖办公室'}`
          }
          description={
            contact.data?.phone ? (
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'unit', label: '联系部门', children: contact.data.unit ?? contact.data.officeName },
                  { key: 'phone', label: '联系电话', children: <span data-testid="office-contact-phone">{contact.data.phone}</span> },
                  ...(contact.data.email ? [{ key: 'email', label: '电子邮箱', children: contact.data.email }] : []),
                  ...(contact.data.address ? [{ key: 'address', label: '地址', children: contact.data.address }] : []),
                ]}
              />
            ) : (
              contact.data && '该办公室尚未公布联系电话，请按申报通知所列方式联系。'
            )
          }
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
