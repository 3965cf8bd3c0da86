import { SqlRunner, sqlRows } from '@awardflow/platform';

/**
 * Membership writes for the offices routes. users.service changes a user's whole set of offices
 * from the user's side; these add or remove one office from the office's side, and say whether
 * anything changed so that only a change is audited.
 */
export async function addOfficeMember(runner: SqlRunner, officeId: string, userId: string): Promise<boolean> {
  const rows = await sqlRows<{ userId: string }>(
    runner,
    `INSERT INTO user_offices (user_id, office_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING user_id AS "userId"`,
    [userId, officeId],
  );
  return rows.length > 0;
}

export async function removeOfficeMember(runner: SqlRunner, officeId: string, userId: string): Promise<boolean> {
  const rows = await sqlRows<{ userId: string }>(runner, `DELETE FROM user_offices WHERE user_id = $1 AND office_id = $2 RETURNING user_id AS "userId"`, [userId, officeId]);
  return rows.length > 0;
}
