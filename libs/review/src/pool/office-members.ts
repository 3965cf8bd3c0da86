import { DataSource, EntityManager } from 'typeorm';

/**
 * Of these users, the ones that are NOT active users of one of the roles in the office: a cycle's
 * panel, its named reviewers and its hand-picked experts all come from the office running it.
 */
export async function outsideOffice(runner: DataSource | EntityManager, userIds: string[], officeId: string, roles: string[]): Promise<string[]> {
  const unique = [...new Set(userIds)];
  if (!unique.length) return [];
  const rows: Array<{ id: string }> = await runner.query(
    `SELECT u.id FROM users u JOIN user_offices uo ON uo.user_id = u.id AND uo.office_id = $2
      WHERE u.id = ANY($1::uuid[]) AND u.is_active AND u.role = ANY($3::text[])`,
    [unique, officeId, roles],
  );
  const inside = new Set(rows.map((r) => r.id));
  return unique.filter((id) => !inside.has(id));
}

export async function officeName(runner: DataSource | EntityManager, officeId: string): Promise<string> {
  const [office] = await runner.query(`SELECT name FROM offices WHERE id = $1`, [officeId]);
  return office?.name ?? '本届评奖办公室';
}
