import { MigrationInterface, QueryRunner } from 'typeorm';

const YUZHONG = '500103';
// The digits a GB/T 2260 division shares with every division inside it (identity's divisionPrefix).
const PREFIX = `CASE WHEN o.region_code LIKE '%0000' THEN left(o.region_code, 2) WHEN o.region_code LIKE '%00' THEN left(o.region_code, 4) ELSE o.region_code END`;
// Cycles whose rules may still change: not yet open, or open with nothing submitted (as the API allows).
const CHANGEABLE = `(c.status = 'draft' OR (c.status = 'open' AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.cycle_id = c.id AND a.submitted_at IS NOT NULL)))`;

/**
 * 区长质量管理奖 cycles were created with 渝中区's division (500103) as their region whatever their
 * office: those still changeable get their own office's. Cycles with submissions keep what their
 * applicants were judged by; their office corrects them if it must.
 */
export class DistrictCycleRegions1795562862000 implements MigrationInterface {
  name = 'DistrictCycleRegions1795562862000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE cycles c
          SET eligibility = (SELECT jsonb_agg(CASE WHEN e.r->>'rule' = 'region' AND e.r->'params'->'allowedPrefixes' = $1::jsonb
                                                   THEN jsonb_set(e.r, '{params,allowedPrefixes}', jsonb_build_array(${PREFIX})) ELSE e.r END ORDER BY e.ord)
                               FROM jsonb_array_elements(c.eligibility) WITH ORDINALITY AS e(r, ord))
         FROM offices o
        WHERE o.id = c.office_id AND o.region_code <> $2 AND c.award_code = 'district-quality-award'
          AND c.eligibility @> $3::jsonb AND ${CHANGEABLE}`,
      [JSON.stringify([YUZHONG]), YUZHONG, JSON.stringify([{ rule: 'region', params: { allowedPrefixes: [YUZHONG] } }])],
    );
  }

  async down(): Promise<void> {
    // Nothing to undo: putting 渝中区's division back into another district's cycle would restore a bug.
  }
}
