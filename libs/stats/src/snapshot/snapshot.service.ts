import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APPLICATION_SUMMARIES_RELATION, ORGANIZATION_PROFILES_RELATION } from '@awardflow/applications';
import { CYCLE_EDITIONS_RELATION } from '@awardflow/cycles';
import { sqlAffected, sqlRows, SqlRunner } from '@awardflow/platform';
import { S } from '@awardflow/rules';
import { HISTORY_STEPS_RELATION, INSTANCE_STATES_RELATION } from '@awardflow/workflow';
import { DataSource } from 'typeorm';
import { FAILED_STATES, UNDECIDED_STATES } from './stage-outcomes';

/** One rebuild at a time across every process (API and workers): a transaction-scoped advisory lock. */
const REFRESH_LOCK = 0x5747_5354; // 'STAT'

export interface SnapshotInfo {
  /** When the snapshot was taken; null before the first. */
  asOf: Date | null;
  tookMs: number | null;
  applications: number | null;
}

/**
 * The statistics' snapshot (aggregated counts, see the migration): a set-based rebuild from the relations the owners export (applications,
 * cycles, organisations' industries, the engine's states and history), in one transaction, so
 * readers see the old snapshot until the new one commits (rows are deleted, not truncated: a
 * TRUNCATE would lock readers out for the length of the rebuild).
 */
@Injectable()
export class SnapshotService {
  private readonly logger = new Logger(SnapshotService.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async info(runner: SqlRunner = this.db): Promise<SnapshotInfo> {
    const [row] = await sqlRows<{ asOf: Date; tookMs: number; applications: number }>(
      runner,
      `SELECT as_of AS "asOf", took_ms AS "tookMs", applications FROM stats_snapshots WHERE id = 1`,
    );
    return row ?? { asOf: null, tookMs: null, applications: null };
  }

  /**
   * Rebuilds the snapshot. `wait: false` (the worker's timer) skips when another process is
   * rebuilding; `wait: true` (an admin's refresh) waits for it, then rebuilds.
   */
  async refresh(options: { wait: boolean } = { wait: true }): Promise<SnapshotInfo & { refreshed: boolean }> {
    const started = Date.now();
    const refreshed = await this.db.transaction(async (m) => {
      if (options.wait) await sqlRows(m, `SELECT pg_advisory_xact_lock($1)`, [REFRESH_LOCK]);
      else {
        const [{ locked }] = await sqlRows<{ locked: boolean }>(m, `SELECT pg_try_advisory_xact_lock($1) AS locked`, [REFRESH_LOCK]);
        if (!locked) return false;
      }
      await sqlAffected(m, `DELETE FROM stats_stage_durations`);
      await sqlAffected(m, `DELETE FROM stats_application_counts`);
      const [{ applications }] = await sqlRows<{ applications: number }>(
        m,
        `WITH counted AS (
           INSERT INTO stats_application_counts (office_id, award_code, year, region_code, industry_section, state, submitted, applications)
           SELECT c.office_id, c.award_code, c.year, o.region_code, upper(left(o.industry, 1)), i.state, a.submitted_at IS NOT NULL, count(*)
             FROM ${APPLICATION_SUMMARIES_RELATION} a
             JOIN ${CYCLE_EDITIONS_RELATION} c ON c.id = a.cycle_id
             JOIN ${INSTANCE_STATES_RELATION} i ON i.id = a.instance_id
             JOIN ${ORGANIZATION_PROFILES_RELATION} o ON o.id = a.organization_id
            GROUP BY 1, 2, 3, 4, 5, 6, 7
           RETURNING applications
         ) SELECT COALESCE(sum(applications), 0)::int AS applications FROM counted`,
      );
      // A stage is a stay in one state: from the step that entered it to the next step that changed
      // the state (steps that stay in the state do not end the stay). Drafts are not a stage.
      await sqlAffected(
        m,
        `WITH steps AS (
           SELECT h.instance_id, h.seq, h.to_state, h.created_at FROM ${HISTORY_STEPS_RELATION} h
            WHERE h.from_state IS DISTINCT FROM h.to_state
         ), stays AS (
           SELECT instance_id, to_state AS stage, created_at AS entered_at,
                  lead(created_at) OVER w AS left_at, lead(to_state) OVER w AS next_state
             FROM steps WINDOW w AS (PARTITION BY instance_id ORDER BY seq)
         )
         INSERT INTO stats_stage_durations (office_id, award_code, year, stage, outcome, days, stays)
         SELECT c.office_id, c.award_code, c.year, s.stage,
                CASE WHEN s.next_state = ANY($1::text[]) THEN 'f' WHEN s.next_state = ANY($2::text[]) THEN NULL ELSE 'p' END,
                round((extract(epoch FROM s.left_at - s.entered_at) / 86400)::numeric, 1), count(*)
           FROM stays s
           JOIN ${APPLICATION_SUMMARIES_RELATION} a ON a.instance_id = s.instance_id
           JOIN ${CYCLE_EDITIONS_RELATION} c ON c.id = a.cycle_id
          WHERE s.left_at IS NOT NULL AND s.stage <> $3
          GROUP BY 1, 2, 3, 4, 5, 6`,
        [FAILED_STATES, UNDECIDED_STATES, S.draft],
      );
      await sqlAffected(
        m,
        `INSERT INTO stats_snapshots (id, as_of, took_ms, applications) VALUES (1, now(), $1, $2)
         ON CONFLICT (id) DO UPDATE SET as_of = EXCLUDED.as_of, took_ms = EXCLUDED.took_ms, applications = EXCLUDED.applications`,
        [Date.now() - started, applications],
      );
      return true;
    });
    const info = await this.info();
    if (refreshed) this.logger.log(`statistics snapshot rebuilt: ${info.applications} applications in ${info.tookMs} ms`);
    return { ...info, refreshed };
  }
}
