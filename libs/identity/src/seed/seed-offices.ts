import { sqlRows } from '@awardflow/platform';
import { DataSource } from 'typeorm';
import { CHONGQING, CHONGQING_DIVISIONS, districtOfficeName } from './chongqing-offices';

/**
 * Idempotent: creates 重庆市市场监督管理局 and each 区县 office whose division has no office yet, under
 * the city. An office already there (the foundation's 渝中区 office, one an admin created) is found
 * by its division code and left as it is: its name, code and people are the admins' to change.
 * Returns the names of the offices it created.
 */
export async function seedOffices(dataSource: DataSource): Promise<string[]> {
  return dataSource.transaction(async (m) => {
    const created: string[] = [];
    const insert = async (code: string, name: string, divisionCode: string, parentId: string | null) => {
      const rows = await sqlRows<{ id: string }>(
        m,
        `INSERT INTO offices (code, name, region_code, parent_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING id`,
        [code, name, divisionCode, parentId],
      );
      if (rows.length) created.push(name);
    };
    await insert(CHONGQING.code, CHONGQING.name, CHONGQING.divisionCode, null);
    const [city] = await sqlRows<{ id: string }>(m, `SELECT id FROM offices WHERE region_code = $1`, [CHONGQING.divisionCode]);
    if (!city) throw new Error(`no office for ${CHONGQING.divisionCode}, and its code ${CHONGQING.code} is taken by another office`);
    for (const division of CHONGQING_DIVISIONS) {
      await insert(`CQ-${division.divisionCode}`, districtOfficeName(division.name), division.divisionCode, city.id);
    }
    return created;
  });
}
