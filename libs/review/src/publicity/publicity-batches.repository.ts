import { EntityManager } from 'typeorm';
import { SqlRunner, sqlRows } from '@awardflow/platform';
import { addDays, endOfBeijingDay } from '@awardflow/calendar';

export interface PublicityContact {
  unit: string;
  phone: string;
  address: string;
  email: string;
}

/** A published 公示 list (publicity_batches) and the applications it names (publicity_entries). */
export interface PublicityBatchRow {
  id: string;
  cycleId: string;
  seq: number;
  title: string;
  startsOn: string;
  endsOn: string;
  endsAt: Date;
  duration: string;
  contact: PublicityContact;
  publishedAt: Date;
}

export interface PublicityEntryRow {
  batchId: string;
  applicationId: string;
  publicId: string;
  position: number;
}

/** 00:00 Beijing of the day the 公示 is published: objections are taken from then. */
export function publicityOpensAt(batch: Pick<PublicityBatchRow, 'startsOn'>): Date {
  return endOfBeijingDay(addDays(batch.startsOn, -1));
}

const BATCH = `SELECT b.id, b.cycle_id AS "cycleId", b.seq, b.title, to_char(b.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(b.ends_on, 'YYYY-MM-DD') AS "endsOn",
  b.ends_at AS "endsAt", b.duration, json_build_object('unit', b.contact_unit, 'phone', b.contact_phone, 'address', b.contact_address, 'email', b.contact_email) AS contact,
  b.published_at AS "publishedAt" FROM publicity_batches b`;

/** The batch's number in its cycle (第 N 批); the caller holds the cycle's lock. */
export async function nextBatchSeq(manager: EntityManager, cycleId: string): Promise<number> {
  const [{ seq }] = await sqlRows<{ seq: number }>(manager, `SELECT coalesce(max(seq), 0)::int + 1 AS seq FROM publicity_batches WHERE cycle_id = $1`, [cycleId]);
  return seq;
}

export async function insertBatch(
  manager: EntityManager,
  row: Omit<PublicityBatchRow, 'id' | 'publishedAt'> & { publishedBy: string },
  applicationIds: readonly string[],
): Promise<string> {
  const [{ id }] = await sqlRows<{ id: string }>(
    manager,
    `INSERT INTO publicity_batches (cycle_id, seq, title, starts_on, ends_on, ends_at, duration, contact_unit, contact_phone, contact_address, contact_email, published_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [row.cycleId, row.seq, row.title, row.startsOn, row.endsOn, row.endsAt, row.duration, row.contact.unit, row.contact.phone, row.contact.address, row.contact.email, row.publishedBy],
  );
  await sqlRows(
    manager,
    `INSERT INTO publicity_entries (batch_id, application_id, position) SELECT $1, a, p::int FROM unnest($2::uuid[]) WITH ORDINALITY AS e(a, p)`,
    [id, [...applicationIds]],
  );
  return id;
}

export async function batchesOfCycle(runner: SqlRunner, cycleId: string): Promise<PublicityBatchRow[]> {
  return sqlRows<PublicityBatchRow>(runner, `${BATCH} WHERE b.cycle_id = $1 ORDER BY b.seq`, [cycleId]);
}

export async function batchById(runner: SqlRunner, id: string): Promise<PublicityBatchRow | undefined> {
  const [row] = await sqlRows<PublicityBatchRow>(runner, `${BATCH} WHERE b.id = $1`, [id]);
  return row;
}

/** The batch an application was published in, if any. */
export async function batchOfApplication(runner: SqlRunner, applicationId: string): Promise<PublicityBatchRow | undefined> {
  const [row] = await sqlRows<PublicityBatchRow>(runner, `${BATCH} JOIN publicity_entries e ON e.batch_id = b.id WHERE e.application_id = $1`, [applicationId]);
  return row;
}

export async function entriesOf(runner: SqlRunner, batchIds: readonly string[]): Promise<PublicityEntryRow[]> {
  if (!batchIds.length) return [];
  return sqlRows<PublicityEntryRow>(
    runner,
    `SELECT batch_id AS "batchId", application_id AS "applicationId", public_id AS "publicId", position FROM publicity_entries WHERE batch_id = ANY($1::uuid[]) ORDER BY batch_id, position`,
    [[...batchIds]],
  );
}

/** The entry a public page names, inside its batch (a public id from another batch is not found). */
export async function entryByPublicId(runner: SqlRunner, batchId: string, publicId: string): Promise<PublicityEntryRow | undefined> {
  const [row] = await sqlRows<PublicityEntryRow>(
    runner,
    `SELECT batch_id AS "batchId", application_id AS "applicationId", public_id AS "publicId", position FROM publicity_entries WHERE batch_id = $1 AND public_id = $2`,
    [batchId, publicId],
  );
  return row;
}

/** Batches of these cycles, newest first (the public pages). */
export async function batchesOfCycles(runner: SqlRunner, cycleIds: readonly string[]): Promise<PublicityBatchRow[]> {
  if (!cycleIds.length) return [];
  return sqlRows<PublicityBatchRow>(runner, `${BATCH} WHERE b.cycle_id = ANY($1::uuid[]) ORDER BY b.starts_on DESC, b.seq DESC`, [[...cycleIds]]);
}

/** The cycles that have published a 公示. */
export async function cyclesWithBatches(runner: SqlRunner): Promise<string[]> {
  const rows = await sqlRows<{ cycleId: string }>(runner, `SELECT DISTINCT cycle_id AS "cycleId" FROM publicity_batches`);
  return rows.map((r) => r.cycleId);
}
