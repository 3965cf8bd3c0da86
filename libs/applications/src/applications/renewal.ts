import { findAward, S } from '@awardflow/awards';
import { Cycle, CYCLE_EDITIONS_RELATION, expiresWithBatch } from '@awardflow/cycles';
import { FieldError, FieldValidationError, sqlAffected, SqlRunner, sqlRows } from '@awardflow/platform';
import { INSTANCE_STATES_RELATION } from '@awardflow/workflow';
import type { EntityManager } from 'typeorm';

/** A recognition that may be renewed: still recognised, or already expired (in place 复核换证 of version 2 included). */
const RENEWABLE = [S.recognised, S.recognitionExpired, S.renewalReview];

/**
 * 名牌 renewal is a new application in a later cycle that starts from the last one: the
 * organisation's own recognised (or expired) application of the same award in an earlier cycle (its
 * form, and its materials: copyMaterials).
 * Anything else is refused naming `renewalOf`; another organisation's application reads as absent.
 */
export async function renewableApplication(runner: SqlRunner, id: string, organizationId: string, cycle: Cycle): Promise<{ id: string; form: Record<string, unknown> }> {
  const award = findAward(cycle.awardCode);
  const refuse = (message: string) => new FieldValidationError([{ field: 'renewalOf', messages: [message] } satisfies FieldError]);
  if (!expiresWithBatch(award)) throw refuse(`${award?.name ?? cycle.awardCode}不设认定有效期，无需延续申报`);
  const [previous] = await sqlRows<{ id: string; organizationId: string; form: Record<string, unknown>; cycleId: string; awardCode: string; year: number; state: string }>(
    runner,
    `SELECT a.id, a.organization_id AS "organizationId", a.form, a.cycle_id AS "cycleId", c.award_code AS "awardCode", c.year, i.state
       FROM applications a JOIN ${CYCLE_EDITIONS_RELATION} c ON c.id = a.cycle_id JOIN ${INSTANCE_STATES_RELATION} i ON i.id = a.instance_id
      WHERE a.id = $1`,
    [id],
  );
  if (!previous || previous.organizationId !== organizationId) throw refuse('没有找到本单位的这项申报');
  if (previous.awardCode !== cycle.awardCode) throw refuse(`只能延续本单位的${award!.name}认定`);
  if (previous.cycleId === cycle.id || previous.year > cycle.year) throw refuse('只能延续以往批次的认定');
  if (!(RENEWABLE as string[]).includes(previous.state)) throw refuse('只能延续已认定或认定已到期的申报');
  return { id: previous.id, form: previous.form };
}

/**
 * The renewal starts with the recognised application's materials too: the same stored files (kept
 * by content, never deleted), as attachments of the new draft the enterprise may replace or remove.
 */
export async function copyMaterials(manager: EntityManager, fromId: string, toId: string, userId: string): Promise<number> {
  return sqlAffected(
    manager,
    `INSERT INTO attachments (application_id, document_type, original_name, media_type, size, sha256, uploaded_by)
     SELECT $2, document_type, original_name, media_type, size, sha256, $3 FROM attachments WHERE application_id = $1 AND deleted_at IS NULL ORDER BY created_at`,
    [fromId, toId, userId],
  );
}
