import { WinFact } from '@awardflow/awards';
import { CYCLE_EDITIONS_RELATION } from '@awardflow/cycles';
import { SqlRunner, sqlRows } from '@awardflow/platform';
import { S } from '@awardflow/rules';

/**
 * The organisation's wins (审定授奖, first tier; a revoked award has left the state) of the cycle's
 * award at the cycle's office in earlier editions, with how many editions that office has held
 * since, counting the cycle itself: "获奖后 N 届内不得再次申报" counts those, not years.
 */
export async function pastWins(
  runner: SqlRunner,
  organizationId: string,
  cycle: { officeId: string; awardCode: string; year: number },
): Promise<WinFact[]> {
  return sqlRows<WinFact>(
    runner,
    `SELECT c.id AS "cycleId", c.year,
            (SELECT count(*) FROM ${CYCLE_EDITIONS_RELATION} e
              WHERE e.office_id = c.office_id AND e.award_code = c.award_code AND e.year > c.year AND e.year <= $4)::int AS "editionsSince"
       FROM applications a
       JOIN ${CYCLE_EDITIONS_RELATION} c ON c.id = a.cycle_id
      WHERE a.organization_id = $1 AND a.state = $5 AND c.office_id = $2 AND c.award_code = $3 AND c.year < $4`,
    [organizationId, cycle.officeId, cycle.awardCode, cycle.year, S.awarded],
  );
}
