import { useState } from 'react';
import { Button, Card, Collapse, Empty, Popconfirm, Progress, Space, Typography, message } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { api, download } from '../../api/client';
import { errorText } from '../../api/errors';
import type { components } from '../../api/schema';
import type { Application } from '../../api/types';
import { formatTime } from '../../lib/format';
import { useResource } from '../../lib/useResource';

type FeedbackStatus = components['schemas']['FeedbackStatusDto'];
type FeedbackReport = components['schemas']['FeedbackReportDto'];
type FeedbackRelease = components['schemas']['FeedbackReleaseDto'];

/** How often an open page asks whether the office has released the report yet. */
const RELEASE_POLL_MS = 5000;

/** Per category what the experts found strong and what to improve; never who wrote it (the server does not say). */
function ReportBody({ report }: { report: FeedbackReport }) {
  return (
    <Collapse
      size="small"
      defaultActiveKey={report.categories.filter((c) => c.strengths.length || c.opportunities.length).map((c) => c.code)}
      items={report.categories.map((c) => ({
        key: c.code,
        label: (
          <Space wrap>
            <span>
              {c.code} {c.label}
            </span>
            {c.scorePercent !== null && <Typography.Text type="secondary">得分率 {c.scorePercent}%</Typography.Text>}
          </Space>
        ),
        children: (
          <div data-testid={`feedback-${c.code}`}>
            {c.scorePercent !== null && <Progress percent={c.scorePercent} size="small" showInfo={false} aria-label={`${c.label}得分率`} />}
            <Typography.Text strong>优势</Typography.Text>
            {c.strengths.length ? <ul style={{ margin: '4px 0 8px', paddingLeft: 20 }}>{c.strengths.map((t, i) => <li key={i}>{t}</li>)}</ul> : <div><Typography.Text type="secondary">专家未填写</Typography.Text></div>}
            <Typography.Text strong>改进机会</Typography.Text>
            {c.opportunities.length ? <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>{c.opportunities.map((t, i) => <li key={i}>{t}</li>)}</ul> : <div><Typography.Text type="secondary">专家未填写</Typography.Text></div>}
          </div>
        ),
      }))}
    />
  );
}

/**
 * 评审反馈报告: for the enterprise once the office has released it for the cycle (a note until
 * then); the office's staff preview it and release it for the whole cycle from here.
 */
export function FeedbackReportCard({ application: a, isAdmin }: { application: Application; isAdmin: boolean }) {
  // Asked again while a report can still come (scored by experts, not yet released), so the
  // enterprise's open page shows it once the office releases it; never once released, nor before
  // any expert has scored (nothing to release for this application then).
  const status = useResource(() => api.get<FeedbackStatus>(`/applications/${a.id}/feedback-report/status`), [a.id, a.version], {
    pollMs: RELEASE_POLL_MS,
    pollWhile: (s) => !!s?.scored && !s.releasedAt,
  });
  const s = status.data;
  const report = useResource(() => api.get<FeedbackReport>(`/applications/${a.id}/feedback-report`), [a.id, a.version, s?.available], { enabled: !!s?.available });
  const [releasing, setReleasing] = useState(false);
  if (!s?.scored) return null;

  const release = async () => {
    setReleasing(true);
    try {
      await api.post<FeedbackRelease>(`/cycles/${s.cycleId}/feedback-report/release`, {});
      message.success('已发布本届评审反馈报告，申报单位现在可以查看');
      await status.reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setReleasing(false);
    }
  };

  return (
    <Card
      title="评审反馈报告"
      size="small"
      data-testid="feedback-report"
      extra={
        s.available && (
          <Button
            size="small"
            icon={<FilePdfOutlined />}
            data-testid="feedback-report-pdf"
            onClick={() => void download(`/applications/${a.id}/feedback-report.pdf`, `${a.cycle.awardName}评审反馈报告.pdf`).catch((e) => message.error(errorText(e)))}
          >
            下载 PDF
          </Button>
        )
      }
    >
      <Space orientation="vertical" size="small" style={{ width: '100%' }}>
        {s.releasedAt ? (
          <Typography.Text type="secondary" data-testid="feedback-released">
            评奖办公室已于 {formatTime(s.releasedAt)} 发布
          </Typography.Text>
        ) : isAdmin ? (
          <Space wrap>
            <Typography.Text type="secondary">尚未发布：申报单位还看不到，以下为办公室预览。</Typography.Text>
            <Popconfirm
              title="发布本届评审反馈报告？"
              description="发布后，本届所有已经专家评分的申报单位都可以查看和下载各自的反馈报告（不显示专家姓名），发布不能撤回。"
              okText="发布"
              onConfirm={release}
            >
              <Button size="small" type="primary" loading={releasing} data-testid="feedback-release">
                发布本届反馈报告
              </Button>
            </Popconfirm>
          </Space>
        ) : (
          <Typography.Text type="secondary" data-testid="feedback-pending">
            评奖办公室尚未发布本届评审反馈报告，发布后可在此查看和下载。
          </Typography.Text>
        )}
        {report.data ? (
          <>
            <Typography.Text>
              {report.data.expertCount} 位评审专家的意见汇总（不署姓名）{report.data.totalPercent !== null && `，总体得分率 ${report.data.totalPercent}%`}
            </Typography.Text>
            <ReportBody report={report.data} />
          </>
        ) : s.available && report.error ? (
          <Empty description={errorText(report.error)} />
        ) : null}
      </Space>
    </Card>
  );
}
