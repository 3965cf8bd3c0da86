import { Alert, Card, Timeline, Typography } from 'antd';
import type { History, HistoryEntry } from '../../api/types';
import { formatTime } from '../../lib/format';
import { ACTOR_ROLE_LABELS } from '../../lib/labels';

/** 办理进度: the application's history (newest first), each step with who, when and the comment. */
export function HistoryTimeline({ history }: { history: History | undefined }) {
  const entries = [...(history?.entries ?? [])].reverse();
  return (
    <Card title="办理进度" size="small" loading={!history} data-testid="history">
      {history && !history.chainValid && <Alert type="error" showIcon title={`办理记录校验失败（第 ${history.firstBrokenSeq} 条起）`} style={{ marginBottom: 8 }} />}
      <Timeline
        items={entries.map((e) => ({
          key: e.seq,
          color: e.chainValid ? 'blue' : 'red',
          title: formatTime(e.createdAt),
          content: (
            <div>
              <Typography.Text strong>{e.actionLabel}</Typography.Text>
              <div>
                <Typography.Text type="secondary">
                  {e.fromStateLabel ? `${e.fromStateLabel} → ` : ''}
                  {e.toStateLabel} · {ACTOR_ROLE_LABELS[e.actorRole] ?? e.actorRole}
                </Typography.Text>
              </div>
              {e.comment && <div style={{ whiteSpace: 'pre-wrap' }}>{e.comment}</div>}
              {tally(e) && <div data-testid="vote-tally">{tally(e)}</div>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}

/** The panel's count, in the payload the server gives the office only. */
function tally(e: HistoryEntry): string | null {
  const { approve, reject, abstain } = e.payload ?? {};
  if (e.action !== 'close_panel_vote' || typeof approve !== 'number') return null;
  return `表决结果：同意 ${approve}，反对 ${reject}，弃权 ${abstain}`;
}
