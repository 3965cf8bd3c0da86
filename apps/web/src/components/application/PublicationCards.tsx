import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Card, Descriptions, List, Tag, Typography } from 'antd';
import { DownloadOutlined, ExportOutlined, PlusOutlined } from '@ant-design/icons';
import { ApiError, api, download } from '../../api/client';
import { errorText } from '../../api/errors';
import type { ApplicationPublicity, Certificate, PublicationObjection } from '../../api/publication-types';
import type { Application, Deadline } from '../../api/types';
import { beijingDate, cnDate, cnPeriod } from '../../lib/format';
import { useResource } from '../../lib/useResource';
import { ErrorAlert } from '../ErrorAlert';
import { ObjectionItem } from '../publication/ObjectionItem';
import { RecordObjectionModal } from '../publication/RecordObjectionModal';

/** States in which the application is in (or waits for) a 公示, or its objections are being decided. */
const PUBLICITY_STATES = new Set(['awaiting_publicity', 'publicity', 'objection_review']);

/** null for a 404 (nothing there yet), the error otherwise. */
function orNull<T>(promise: Promise<T>): Promise<T | null> {
  return promise.catch((e) => {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  });
}

/**
 * 公示 dates on the application: waiting for the office's batch (待公示), or in it with its period.
 * Everyone who may see the application reads them from its batch (GET /applications/:id/publicity).
 */
export function PublicityDatesCard({ application: a, isAdmin, deadlines }: { application: Application; isAdmin: boolean; deadlines: Deadline[] | undefined }) {
  const inPublicity = a.state === 'publicity' || a.state === 'objection_review';
  const publicity = useResource(() => api.get<ApplicationPublicity>(`/applications/${a.id}/publicity`), [a.id, a.version], { enabled: inPublicity });
  if (!PUBLICITY_STATES.has(a.state)) return null;
  if (a.state === 'awaiting_publicity') {
    return (
      <Alert
        type="info"
        showIcon
        data-testid="publicity-dates"
        title="待公示"
        description={
          isAdmin ? (
            <>
              在评审周期的「社会公示」中统一发布公示。<Link to={`/office/cycles/${a.cycleId}`}>前往评审周期</Link>
            </>
          ) : (
            '评奖办公室将统一发布本批次的社会公示，发布后在此显示公示期。'
          )
        }
      />
    );
  }
  const batch = publicity.data?.batch ?? undefined;
  const end = deadlines?.find((d) => d.kind === 'publicity_end');
  // A date-only end is 24:00 Beijing of that day: the deadline is the next midnight.
  const endsOn = batch?.endsOn ?? (end ? beijingDate(new Date(end.dueAt).getTime() - 1) : undefined);
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="publicity-dates"
      title={
        batch ? (
          <>
            社会公示（第{batch.seq}批）：{cnPeriod(batch.startsOn, batch.endsOn)}
          </>
        ) : endsOn ? (
          <>社会公示中，公示期至{cnDate(endsOn)}24时</>
        ) : (
          '社会公示中'
        )
      }
      description={
        <>
          公示期内任何单位和个人可实名提出异议。{a.state === 'objection_review' ? '目前有异议正在处理，处理完毕前暂停后续环节。' : ''}
          {batch && (
            <Link to={`/public/publicity/${batch.id}`} target="_blank" style={{ marginLeft: 8 }}>
              查看公开页面 <ExportOutlined />
            </Link>
          )}
        </>
      }
    />
  );
}

/**
 * 公示异议 on the application. The office sees who objected and decides each one; the enterprise sees
 * what was objected and the outcome — never who — and answers (申辩) while one is open.
 */
export function ApplicationObjectionsCard({ application: a, role, onChanged }: { application: Application; role: string; onChanged: () => void }) {
  const objections = useResource(() => api.get<PublicationObjection[]>('/objections', { query: { applicationId: a.id } }), [a.id, a.version], { pollMs: 15_000 });
  const [recording, setRecording] = useState(false);
  const isAdmin = role === 'admin';
  const items = objections.data ?? [];
  const canRecord = isAdmin && (a.state === 'publicity' || a.state === 'objection_review');
  if (!items.length && !canRecord && !objections.error) return null;
  const changed = () => {
    void objections.reload();
    onChanged();
  };
  return (
    <Card
      title="公示异议"
      size="small"
      data-testid="objections"
      extra={
        canRecord && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
            登记异议
          </Button>
        )
      }
    >
      <ErrorAlert error={objections.error} />
      {role === 'applicant' && items.some((o) => o.status === 'open') && (
        <Typography.Paragraph type="secondary">有人对本申报提出了异议。您可以在评奖办公室作出处理决定前提交申辩，说明情况并附证明材料。</Typography.Paragraph>
      )}
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: '暂无异议' }}
        renderItem={(o) => (
          <List.Item>
            <ObjectionItem objection={o} canResolve={isAdmin} canRespond={role === 'applicant'} onChanged={changed} />
          </List.Item>
        )}
      />
      {canRecord && <RecordObjectionModal open={recording} applicationId={a.id} onClose={() => setRecording(false)} onRecorded={changed} />}
    </Card>
  );
}

/** 获奖证书: its number, tier and status, the PDF once the worker has made it, and its public verification. */
const CERTIFIED_STATES = new Set(['awarded', 'recognised', 'rectification', 'rectification_due', 'recognition_expired']);

export function CertificateCard({ application: a }: { application: Application }) {
  const { message } = App.useApp();
  // An award, or a recognition (名牌 until its batch's validity ends; 老字号 also under 限期整改).
  const awarded = CERTIFIED_STATES.has(a.state);
  const certificate = useResource(() => orNull(api.get<Certificate>(`/applications/${a.id}/certificate`)), [a.id, a.version], { enabled: awarded, pollMs: awarded ? 10_000 : undefined });
  if (!awarded) return null;
  const c = certificate.data;
  if (certificate.error) return <ErrorAlert error={certificate.error} />;
  if (!c) return null;
  const revoked = c.status === 'revoked';
  // Until schema.ts is regenerated: a 名牌's validity (its batch's).
  const validity = c as Certificate & { validFrom?: string; validUntil?: string };
  // A selection for the body above is certified as 入选, a recognition as 认定: neither says 获奖.
  const title = c.tierLabel === '入选推荐' ? '入选证书' : c.tierLabel === '认定' ? '认定证书' : '获奖证书';
  return (
    <Card title={title} size="small" data-testid="certificate">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'number', label: '证书编号', children: <Typography.Text strong copyable data-testid="certificate-number">{c.number}</Typography.Text> },
          { key: 'tier', label: '等级', children: c.tierLabel },
          { key: 'status', label: '状态', children: revoked ? <Tag color="red">已撤销（{cnDate(c.revokedAt)}）</Tag> : <Tag color="green">有效</Tag> },
          { key: 'issued', label: '发证日期', children: cnDate(c.issuedAt) },
          ...(validity.validFrom && validity.validUntil
            ? [{ key: 'validity', label: '有效期', children: <span data-testid="certificate-validity">{`${cnDate(validity.validFrom)}至${cnDate(validity.validUntil)}`}</span> }]
            : []),
        ]}
      />
      {c.pdfReady ? (
        <Button
          icon={<DownloadOutlined />}
          onClick={() => void download(`/applications/${a.id}/certificate.pdf`, `${title}-${c.number}.pdf`).catch((e) => message.error(errorText(e)))}
          data-testid="certificate-download"
        >
          下载证书（PDF）
        </Button>
      ) : (
        <Typography.Text type="secondary">证书文件生成中，请稍后刷新。</Typography.Text>
      )}
      <div style={{ marginTop: 8 }}>
        <Link to={`/public/certificates/${encodeURIComponent(c.number)}`} target="_blank">
          公开查询页面 <ExportOutlined />
        </Link>
      </div>
    </Card>
  );
}
