import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Result, Space, Typography, message } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { ApiError, api, download } from '../api/client';
import { describeError, errorText } from '../api/errors';
import type { Application, Attachment, AwardDetail, Cycle, Deadline, History } from '../api/types';
import { useUser } from '../auth/AuthContext';
import { ActionsPanel } from '../components/application/ActionsPanel';
import { FormEditor, type FormEditorHandle } from '../components/application/FormEditor';
import { FormView } from '../components/application/FormView';
import { FeedbackReportCard } from '../components/application/FeedbackReportCard';
import { HistoryTimeline } from '../components/application/HistoryTimeline';
import { Materials } from '../components/application/Materials';
import { PreSubmitCheck } from '../components/application/PreSubmitCheck';
import { RecheckCard } from '../components/application/RecheckCard';
import { RecommendCard } from '../components/application/RecommendCard';
import { EndorsementCard, OutsideResultCard, type OutsideChainInfo } from '../components/application/OutsideResultCard';
import { ReviewAssignmentsCard } from '../components/application/ReviewAssignmentsCard';
import { ApplicationObjectionsCard, CertificateCard, PublicityDatesCard } from '../components/application/PublicationCards';
import { DeadlinesCard, OnsiteFindingsCard, PanelVoteCard, RelatedNotifications } from '../components/application/SideCards';
import { Countdown } from '../components/Countdown';
import { ErrorAlert } from '../components/ErrorAlert';
import { StateTag } from '../components/StateTag';
import { formatTime } from '../lib/format';
import { useResource } from '../lib/useResource';

const POLL_MS = 4000;
const EDITABLE = new Set(['draft', 'supplement_requested']);

/**
 * One application for everyone who may see it: its state, what the viewer may do now, the form and
 * materials (editable by the enterprise as a draft or during 补正), the 提交前检查, its timeline,
 * deadlines and messages. Polled every few seconds: changes made by others appear without a reload.
 */
export default function ApplicationPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const navigate = useNavigate();
  // Set once the application has left what the viewer may see (404 after it was shown): no more polling.
  const [gone, setGone] = useState<{ id: string; reason: string }>();
  const isGone = gone?.id === id;
  const app = useResource(() => api.get<Application>(`/applications/${id}`), [id], { pollMs: POLL_MS, enabled: !isGone });
  const a = app.data;
  const lost = !!a && app.error instanceof ApiError && app.error.status === 404;
  const award = useResource(() => api.get<AwardDetail>(`/awards/${a!.cycle.awardCode}`), [a?.cycle.awardCode], { enabled: !!a });
  const isEditor = user.role === 'applicant' && !!a && EDITABLE.has(a.state);
  const cycle = useResource(() => api.get<Cycle>(`/cycles/${a!.cycleId}`), [a?.cycleId], { enabled: isEditor });
  const history = useResource(() => api.get<History>(`/applications/${id}/history`), [id, a?.version], { enabled: !!a });
  const deadlines = useResource(() => api.get<Deadline[]>(`/applications/${id}/deadlines`), [id, a?.version], { enabled: !!a });
  const [attachments, setAttachments] = useState<Attachment[]>();
  const [conflict, setConflict] = useState<unknown>();
  const [changedByOthers, setChangedByOthers] = useState<string>();
  const [serverReasons, setServerReasons] = useState<string[]>();
  const [savedForm, setSavedForm] = useState<Record<string, unknown>>();
  const [blockers, setBlockers] = useState<string[]>([]);
  const editor = useRef<FormEditorHandle | null>(null);
  const seen = useRef<{ id: string; version: number } | null>(null);

  // A version we did not cause: somebody else acted.
  useEffect(() => {
    if (!a) return;
    const last = seen.current;
    if (last && last.id === a.id && a.version > last.version) setChangedByOthers(`该申报已由他人办理，现为「${a.stateLabel}」（${formatTime(a.updatedAt)}）`);
    seen.current = { id: a.id, version: a.version };
  }, [a]);

  // A version the viewer caused (an action, a saved draft): not somebody else's.
  const adopt = useCallback((updated: Application) => {
    seen.current = { id: updated.id, version: updated.version };
    app.setData(updated);
  }, [app]);

  const acknowledge = useCallback((updated: Application) => {
    adopt(updated);
    setConflict(undefined);
    setChangedByOthers(undefined);
  }, [adopt]);

  useEffect(() => {
    if (lost && !isGone) setGone({ id, reason: '该申报已由他人办理，进入了您不参与的环节，您不再能查看。' });
  }, [lost, isGone, id]);

  if (isGone || lost) {
    const reviewer = user.role === 'reviewer';
    return (
      <Card>
        <Result
          status="info"
          data-testid="application-gone"
          title="该申报已不在您的办理范围内"
          subTitle={gone?.reason ?? '该申报已进入您不参与的环节，您不再能查看。'}
          extra={
            <Button type="primary" onClick={() => navigate(reviewer ? '/expert/tasks' : '/')}>
              {reviewer ? '返回待办' : '返回首页'}
            </Button>
          }
        />
      </Card>
    );
  }
  if (app.error && !a) return <ErrorAlert error={app.error} />;
  if (!a) return <Card loading />;

  const isApplicant = user.role === 'applicant';
  const editable = isApplicant && EDITABLE.has(a.state);
  const family = award.data?.family;
  const form = savedForm && seen.current?.id === a.id ? savedForm : a.form;
  const supplementDeadline = deadlines.data?.find((d) => d.kind === 'supplement');
  const supplementRequest = a.state === 'supplement_requested' ? [...(history.data?.entries ?? [])].reverse().find((e) => e.toState === 'supplement_requested') : undefined;

  const actionsPanel = (
    <ActionsPanel
      application={a}
      onDone={({ application }) => {
        acknowledge(application);
        setServerReasons(undefined);
      }}
      onConflict={(e) => {
        setConflict(e);
        void app.reload().then((fresh) => fresh && (seen.current = { id: fresh.id, version: fresh.version }));
      }}
      onIneligible={setServerReasons}
      onGone={(action, done) =>
        setGone({
          id: a.id,
          reason: done
            ? `办理「${action.label}」后，该申报进入了您不参与的环节，您不再能查看（办理已生效）。`
            : `办理「${action.label}」后，该申报进入了您不参与的环节（他人已先一步办理），您不再能查看。`,
        })
      }
      beforeAct={async () => (editor.current ? editor.current.flush() : true)}
      blocked={editable ? { actions: ['submit', 'resubmit'], reasons: blockers } : undefined}
    />
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          <Space wrap align="center">
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="application-title">
              {a.cycle.title}
            </Typography.Title>
            <StateTag state={a.state} label={a.stateLabel} />
            {(isApplicant || user.role === 'admin' || user.role === 'recommender') && (
              <Button
                icon={<PrinterOutlined />}
                data-testid="print-application-form"
                onClick={() =>
                  void download(`/applications/${a.id}/application-form.pdf`, `${a.cycle.awardName}申报书.pdf`).catch((e) => message.error(errorText(e)))
                }
              >
                打印申报书
              </Button>
            )}
          </Space>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'award', label: '奖项', children: a.cycle.awardName },
              ...(a.organization ? [{ key: 'org', label: '申报单位', children: a.organization.name }] : []),
              ...(a.subjectName ? [{ key: 'subject', label: '申报项目或产品', children: <span data-testid="subject-name">{a.subjectName}</span> }] : []),
              { key: 'receipt', label: '受理编号', children: <span data-testid="receipt">{a.receiptNumber ?? '提交后生成'}</span> },
              { key: 'submitted', label: '提交时间', children: formatTime(a.submittedAt) },
              { key: 'updated', label: '最近更新', children: formatTime(a.updatedAt) },
              { key: 'version', label: '版本', children: a.version },
            ]}
          />
          {a.recommendedFromId && (
            <Alert
              type="info"
              showIcon
              data-testid="recommended-from"
              title="由区级申报推荐"
              description={
                <>
                  评奖办公室根据区级评审结果推荐本单位参评，申报书与材料已从区级申报带入{a.state === 'draft' && isApplicant ? '，请核对、补充后提交' : ''}。
                  <Link to={`/application/${a.recommendedFromId}`} data-testid="recommended-from-link">
                    查看区级申报
                  </Link>
                </>
              }
            />
          )}
          {changedByOthers && (
            <Alert
              type="info"
              showIcon
              data-testid="changed-by-others"
              title={changedByOthers}
              closable={{ onClose: () => setChangedByOthers(undefined) }}
            />
          )}
          {conflict !== undefined && (
            <Alert
              type="warning"
              showIcon
              data-testid="version-conflict"
              title={describeError(conflict).title}
              description={`页面已更新为最新状态「${a.stateLabel}」，请确认后再办理。`}
              closable={{ onClose: () => setConflict(undefined) }}
            />
          )}
          <PublicityDatesCard application={a} isAdmin={user.role === 'admin'} deadlines={deadlines.data} />
          {a.state === 'supplement_requested' && (
            <Alert
              type="warning"
              showIcon
              data-testid="supplement-request"
              title={<>评奖办公室要求补正{supplementDeadline && <>，<Countdown due={supplementDeadline.dueAt} /></>}</>}
              description={supplementRequest?.comment ? `补正要求：${supplementRequest.comment}` : '请按要求修改申报书或补充材料后重新提交。'}
            />
          )}
        </Space>
      </Card>
      {/* Where the actions go is CSS (console.css .application-layout): beside the form on a wide
          screen, below it on a narrow one, above it on a phone. Moving the panel in React would mount
          it afresh whenever the width crosses a breakpoint (a window resized, a phone turned) and
          throw away an open dialog with what was typed in it. */}
      <div className="application-layout">
        <div className="application-layout-main">
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {editable && family ? (
              <FormEditor
                key={a.id}
                application={a}
                family={family}
                handleRef={editor}
                individualNominees={award.data?.individualNominees}
                rubric={award.data?.rubric}
                blind={cycle.data?.blindReview && a.organization ? { name: a.organization.name, uscc: a.organization.uscc } : undefined}
                onSaved={(updated) => {
                  setSavedForm(updated.form);
                  adopt(updated);
                }} />
            ) : (
              <FormView form={a.form} family={family} />
            )}
            <Materials applicationId={a.id} award={award.data} editable={editable} deletable={isApplicant && a.state === 'draft'} onChange={setAttachments} blindCycle={!!cycle.data?.blindReview} key={`${a.id}:${editable}`} />
            {editable && award.data && a.organization && (
              <PreSubmitCheck award={award.data} cycleId={a.cycleId} organizationId={a.organization.id} form={form} attachments={attachments} serverReasons={serverReasons} onBlockers={setBlockers} />
            )}
            <ApplicationObjectionsCard application={a} role={user.role} onChanged={() => void app.reload()} />
            {(isApplicant || user.role === 'admin') && !editable && <FeedbackReportCard application={a} isAdmin={user.role === 'admin'} />}
            {user.role === 'admin' && <ReviewAssignmentsCard key={a.id} application={a} />}
            {(user.role === 'reviewer' || user.role === 'admin') && <OnsiteFindingsCard applicationId={a.id} refreshKey={a.version} />}
          </Space>
        </div>
        <div className="application-layout-actions">{actionsPanel}</div>
        <div className="application-layout-side">
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <OutsideResultCard application={a} chain={(award.data as { outsideChain?: OutsideChainInfo } | undefined)?.outsideChain} isAdmin={user.role === 'admin'} />
            <CertificateCard application={a} />
            <RecheckCard application={a} />
            <EndorsementCard application={a} endorsed={!!history.data?.entries.some((e) => e.action === 'endorse')} />
            {(user.role === 'reviewer' || user.role === 'admin') && <PanelVoteCard application={a} />}
            {user.role === 'admin' && <RecommendCard key={a.id} application={a} />}
            <DeadlinesCard deadlines={deadlines.data} canExtend={user.role === 'admin'} onExtended={() => void deadlines.reload()} />
            <HistoryTimeline history={history.data} />
            {isApplicant && <RelatedNotifications applicationId={a.id} refreshKey={a.version} />}
            <Button onClick={() => void app.reload()}>刷新</Button>
          </Space>
        </div>
      </div>
    </Space>
  );
}
