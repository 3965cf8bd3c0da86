import { useState } from 'react';
import { useNavigate } from 'react-router';
import { SUBJECT_LABELS, subjectKindOf } from '@awardflow/rules';
import { Alert, Button, Card, List, Space, Tag, Typography } from 'antd';
import { api, ApiError } from '../../api/client';
import type { Application, AwardDetail, Cycle, ApplicationPage } from '../../api/types';
import { useUser } from '../../auth/AuthContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatTime } from '../../lib/format';
import { CYCLE_STATUS_COLORS, CYCLE_STATUS_LABELS } from '../../lib/labels';
import { useResource } from '../../lib/useResource';
import { type Page, WHOLE_LIST_QUERY } from '../../lib/paging';
import { ruleLabel } from '@awardflow/rules';

/** 可申报的评审: open cycles, what each asks for, and a draft started with one click. */
export default function OpenCyclesPage() {
  const user = useUser();
  const navigate = useNavigate();
  const cycles = useResource(() => api.get<Page<Cycle>>('/cycles', WHOLE_LIST_QUERY), []);
  const mine = useResource(() => api.get<ApplicationPage>('/applications', { query: { pageSize: 100 } }), []);
  const [error, setError] = useState<unknown>();
  const [starting, setStarting] = useState<string>();

  const start = async (cycle: Cycle, renewalOf?: string) => {
    setStarting(cycle.id);
    setError(undefined);
    try {
      // A renewal starts from the recognised application's form (the API copies it).
      const created = await api.post<Application>('/applications', renewalOf ? { cycleId: cycle.id, renewalOf } : { cycleId: cycle.id, form: {} });
      navigate(`/application/${created.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && typeof e.body.applicationId === 'string') navigate(`/application/${e.body.applicationId}`);
      else setError(e);
    } finally {
      setStarting(undefined);
    }
  };

  const active = (cycleId: string) => mine.data?.items.filter((a) => a.cycleId === cycleId && !a.terminal) ?? [];
  // 名牌 renewal: the organisation's recognised (or expired) application of the same award in an earlier cycle.
  const renewable = (cycle: Cycle) =>
    mine.data?.items.find((a) => a.cycle.awardCode === cycle.awardCode && a.cycle.year < cycle.year && (a.state === 'recognised' || a.state === 'recognition_expired'));

  return (
    <Card title="可申报的评审周期">
      {!user.organizationId && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="请先在「单位信息」中登记申报单位，再开始申报。" />}
      <ErrorAlert error={error ?? cycles.error} />
      <List
        loading={cycles.loading}
        dataSource={cycles.data?.items ?? []}
        locale={{ emptyText: '目前没有开放申报的评审周期' }}
        renderItem={(cycle) => {
          const existing = active(cycle.id);
          // A project or product award takes one application per project or product: the
          // enterprise may start another beside the ones it has (鲁班奖, 名牌产品).
          const kind = subjectKindOf(cycle.awardCode);
          const perSubject = kind !== 'organization';
          const mayStart = cycle.status === 'open' && (perSubject || !existing.length);
          return (
            <List.Item
              data-testid={`cycle-${cycle.id}`}
              actions={[
                existing.length ? (
                  <Button key="open" onClick={() => navigate(existing.length === 1 ? `/application/${existing[0].id}` : '/my/applications')}>
                    {existing.length === 1 ? '查看我的申报' : `查看我的申报（${existing.length} 份）`}
                  </Button>
                ) : null,
                mayStart ? (
                  <Button key="apply" type="primary" loading={starting === cycle.id} disabled={!user.organizationId} onClick={() => start(cycle)} data-testid={`apply-${cycle.id}`}>
                    {perSubject && existing.length ? `再申报一个${SUBJECT_LABELS[kind]}` : '在线申报'}
                  </Button>
                ) : null,
                !existing.length && cycle.status === 'open' && renewable(cycle) ? (
                  <Button key="renew" loading={starting === cycle.id} onClick={() => start(cycle, renewable(cycle)!.id)} data-testid="renew">
                    延续申报（沿用{renewable(cycle)!.cycle.year}年度认定的申报内容）
                  </Button>
                ) : null,
              ].filter(Boolean)}
            >
              <List.Item.Meta
                title={
                  <Space>
                    <span>{cycle.title}</span>
                    <Tag color={CYCLE_STATUS_COLORS[cycle.status]}>{CYCLE_STATUS_LABELS[cycle.status]}</Tag>
                  </Space>
                }
                description={
                  <>
                    <div>
                      {cycle.awardName} · 申报时间 {formatTime(cycle.applicationOpensAt)} 至 {formatTime(cycle.applicationClosesAt)}
                    </div>
                    {perSubject && <div>每个{SUBJECT_LABELS[kind]}单独申报；同一单位可申报多个{SUBJECT_LABELS[kind]}。</div>}
                    <Requirements cycle={cycle} />
                  </>
                }
              />
            </List.Item>
          );
        }}
      />
    </Card>
  );
}

function Requirements({ cycle }: { cycle: Cycle }) {
  const [award, setAward] = useState<AwardDetail>();
  if (!award) {
    return (
      <Typography.Link onClick={() => void api.get<AwardDetail>(`/awards/${cycle.awardCode}`).then(setAward)}>查看申报条件与材料要求</Typography.Link>
    );
  }
  // The cycle's own rules with their numbers (连续正常生产经营5年以上), not the award's generic labels.
  const referenceDate = cycle.eligibilityReferenceDate;
  return (
    <div style={{ marginTop: 8 }}>
      <Typography.Text strong>申报条件{referenceDate ? `（年限计算至 ${referenceDate}）` : ''}：</Typography.Text>
      <ul style={{ margin: 0 }} data-testid="cycle-requirements">
        {cycle.eligibility.map((r) => (
          <li key={r.rule}>{ruleLabel(r)}</li>
        ))}
      </ul>
      <Typography.Text strong>申报材料：</Typography.Text>
      <ul style={{ margin: 0 }}>
        {award.requiredDocuments.map((d) => (
          <li key={d.type}>
            {d.label}
            {d.optional ? '（可选）' : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
