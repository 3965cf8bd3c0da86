import { SqlRunner, sqlAffected } from '@awardflow/platform';

/**
 * Cancels the pending deadlines of these kinds whose payload holds the given fields (e.g. an
 * assignment's due date and reminders once it is scored or ended), with the reason as outcome.
 */
export async function cancelDeadlinesMatching(runner: SqlRunner, where: { kinds: readonly string[]; payload: Record<string, string>; outcome: string }): Promise<number> {
  return sqlAffected(
    runner,
    `UPDATE deadlines SET status = 'cancelled', cancelled_at = now(), outcome = $3
      WHERE status = 'pending' AND kind = ANY($1::text[]) AND payload @> $2::jsonb`,
    [[...where.kinds], JSON.stringify(where.payload), where.outcome],
  );
}
