import { createHash } from 'node:crypto';

export interface PoolReviewer {
  id: string;
  /** GB/T 4754 sections or code prefixes the expert knows (C, C38, ...). */
  expertise: string[];
  /** Credit codes of organisations the expert works for or with. */
  ties: string[];
  /** Open assignments now. */
  load: number;
  maxLoad: number;
}

export interface SelectionRequest {
  pool: PoolReviewer[];
  applicant: { organizationId: string; uscc: string; industry: string };
  /** Reviewers who declared a conflict with this organisation. */
  conflicted: Set<string>;
  count: number;
  /** Already assigned (or replaced) on this application. */
  exclude: Set<string>;
  /** Makes the tie-break deterministic per application, so replicas choose alike. */
  seed: string;
}

export type SelectionResult = { selected: string[] } | { flag: string };

/**
 * Chooses reviewers: never one tied to the applicant or conflicted with it, never over their
 * cap; experts of the applicant's industry first, then the least loaded, then a stable hash.
 * If the rules cannot be met the application is flagged, not assigned badly.
 */
export function selectReviewers(req: SelectionRequest): SelectionResult {
  const eligible = req.pool.filter(
    (r) => !req.exclude.has(r.id) && !req.conflicted.has(r.id) && !r.ties.includes(req.applicant.uscc) && r.load < r.maxLoad,
  );
  if (eligible.length < req.count) {
    const excluded = req.pool.length - eligible.length;
    return { flag: `评审专家库无法满足分配规则：需要 ${req.count} 名，符合条件的仅 ${eligible.length} 名（${excluded} 名因关联、回避、已分配或工作量上限被排除）` };
  }
  const matches = (r: PoolReviewer) => r.expertise.some((e) => req.applicant.industry.startsWith(e));
  const tie = (id: string) => createHash('sha256').update(`${req.seed}:${id}`).digest('hex');
  const ranked = [...eligible].sort(
    (a, b) => Number(matches(b)) - Number(matches(a)) || a.load - b.load || tie(a.id).localeCompare(tie(b.id)),
  );
  return { selected: ranked.slice(0, req.count).map((r) => r.id) };
}
