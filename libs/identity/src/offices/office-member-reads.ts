import { SqlRunner, sqlRows } from '@awardflow/platform';

/** A user as other contexts name them. */
export interface UserName {
  id: string;
  displayName: string;
}

export interface OfficeMember extends UserName {
  role: string;
  isActive: boolean;
}

/** The members of any of these offices (each once), by display name. */
export async function membersOfOffices(runner: SqlRunner, officeIds: readonly string[]): Promise<OfficeMember[]> {
  if (!officeIds.length) return [];
  return sqlRows<OfficeMember>(
    runner,
    `SELECT u.id, u.display_name AS "displayName", u.role, u.is_active AS "isActive" FROM users u
      WHERE EXISTS (SELECT 1 FROM user_offices uo WHERE uo.user_id = u.id AND uo.office_id = ANY($1::uuid[]))
      ORDER BY u.display_name`,
    [[...new Set(officeIds)]],
  );
}

/** Users by id, by display name, in one statement. */
export async function userNames(runner: SqlRunner, ids: readonly string[]): Promise<UserName[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  return sqlRows<UserName>(runner, `SELECT id, display_name AS "displayName" FROM users WHERE id = ANY($1::uuid[]) ORDER BY display_name`, [unique]);
}

/**
 * Of these users, the ones that are NOT active users of one of the roles in the office: a cycle's
 * panel, its named reviewers and its hand-picked experts all come from the office running it.
 */
export async function usersOutsideOffice(runner: SqlRunner, userIds: readonly string[], officeId: string, roles: readonly string[]): Promise<string[]> {
  const unique = [...new Set(userIds)];
  if (!unique.length) return [];
  const rows = await sqlRows<{ id: string }>(
    runner,
    `SELECT u.id FROM users u JOIN user_offices uo ON uo.user_id = u.id AND uo.office_id = $2
      WHERE u.id = ANY($1::uuid[]) AND u.is_active AND u.role = ANY($3::text[])`,
    [unique, officeId, [...roles]],
  );
  const inside = new Set(rows.map((r) => r.id));
  return unique.filter((id) => !inside.has(id));
}

/** The office's name, or null when there is no such office. */
export async function officeName(runner: SqlRunner, officeId: string): Promise<string | null> {
  const [office] = await sqlRows<{ name: string }>(runner, `SELECT name FROM offices WHERE id = $1`, [officeId]);
  return office?.name ?? null;
}

/** What the public may read of an office: its name and GB/T 2260 division code. */
export interface OfficeProfile {
  id: string;
  name: string;
  divisionCode: string;
}

/** Offices by id, each with its name and division code. */
export async function officeProfiles(runner: SqlRunner, officeIds: readonly string[]): Promise<OfficeProfile[]> {
  const unique = [...new Set(officeIds)];
  if (!unique.length) return [];
  return sqlRows<OfficeProfile>(runner, `SELECT id, name, region_code AS "divisionCode" FROM offices WHERE id = ANY($1::uuid[])`, [unique]);
}

/** The office of a division (division codes are unique among offices), or undefined. */
export async function officeOfDivision(runner: SqlRunner, divisionCode: string): Promise<OfficeProfile | undefined> {
  const [office] = await sqlRows<OfficeProfile>(runner, `SELECT id, name, region_code AS "divisionCode" FROM offices WHERE region_code = $1`, [divisionCode]);
  return office;
}

/** The office above this one, or null for a top office or no such office. */
export async function parentOfficeId(runner: SqlRunner, officeId: string): Promise<string | null> {
  const [office] = await sqlRows<{ parentId: string | null }>(runner, `SELECT parent_id AS "parentId" FROM offices WHERE id = $1`, [officeId]);
  return office?.parentId ?? null;
}

/** The user when a member of any of these offices; undefined for another office's user or none. */
export async function memberOfOffices(runner: SqlRunner, userId: string, officeIds: readonly string[]): Promise<OfficeMember | undefined> {
  const [member] = await sqlRows<OfficeMember>(
    runner,
    `SELECT u.id, u.display_name AS "displayName", u.role, u.is_active AS "isActive" FROM users u
      WHERE u.id = $1 AND EXISTS (SELECT 1 FROM user_offices uo WHERE uo.user_id = u.id AND uo.office_id = ANY($2::uuid[]))`,
    [userId, [...officeIds]],
  );
  return member;
}
