import { Alert, Card, Descriptions, Tag } from 'antd';
import { api } from '../../api/client';
import type { Application } from '../../api/types';
import { cnDate } from '../../lib/format';
import { useResource } from '../../lib/useResource';

// Hand-written until schema.ts is regenerated: GET /applications/:id/recheck.
interface ApplicationRecheck {
  recheck: { roundTitle: string; startedOn: string; outcome: 'passed' | 'rectification' | 'revoked' | null; outcomeLabel: string | null; comment: string | null; rectificationDueOn: string | null; decidedAt: string | null } | null;
}

const RECHECKABLE = new Set(['recognised', 'rectification', 'rectification_due', 'revoked']);
const COLORS = { passed: 'green', rectification: 'orange', revoked: 'red' } as const;

/** A 老字号's latest 复核, for its enterprise and its office: 限期整改 shows what to do and by when. */
export function RecheckCard({ application: a }: { application: Application }) {
  const enabled = RECHECKABLE.has(a.state);
  const res = useResource(() => api.get<ApplicationRecheck>(`/applications/${a.id}/recheck`), [a.id, a.version], { enabled });
  const r = res.data?.recheck;
  if (!enabled || !r) return null;
  return (
    <Card title="复核" size="small" data-testid="recheck">
      {r.outcome === 'rectification' && a.state !== 'recognised' && (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={`限期整改：请于${cnDate(r.rectificationDueOn)}前完成整改，届时将再次复核。`} />
      )}
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'round', label: '复核', children: `${r.roundTitle}（${cnDate(r.startedOn)}）` },
          { key: 'outcome', label: '结论', children: r.outcome ? <Tag color={COLORS[r.outcome]}>{r.outcomeLabel}</Tag> : '待复核' },
          ...(r.rectificationDueOn ? [{ key: 'due', label: '整改期限', children: cnDate(r.rectificationDueOn) }] : []),
          ...(r.comment ? [{ key: 'comment', label: '意见', children: r.comment }] : []),
        ]}
      />
    </Card>
  );
}
