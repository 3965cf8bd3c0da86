import { AwardDefinition, findAward } from '@awardflow/awards';
import { sqlRows } from '@awardflow/platform';
import { addIsoDuration } from '@awardflow/workflow';
import type { EntityManager } from 'typeorm';
import type { Cycle } from './cycle.entity';

/** The expiry notice goes this many days before a 名牌's validity ends unless the cycle says otherwise. */
export const DEFAULT_EXPIRY_NOTICE_DAYS = 90;

/** What a 名牌 recognition's instance is given at 审定: its validity and the moments of its two timers. */
export interface RecognitionTerms {
  /** YYYY-MM-DD (Beijing). */
  recognitionValidFrom: string;
  recognitionValidUntil: string;
  /** 24:00 Beijing of the last valid day (ISO instant): the `recognition_expiry` timer. */
  recognitionExpiresAt: string;
  /** The expiry notice (`recognition_expiry_notice` timer). */
  recognitionExpiryNoticeAt: string;
}

/** A brand award whose recognitions expire with their batch (名牌); 老字号 are re-checked instead. */
export function expiresWithBatch(award: AwardDefinition | undefined): boolean {
  return award?.family === 'brand' && !award.recheckEveryYears;
}

/**
 * The batch's period, fixed by its first 审定 where the office set none: recognitionValidityYears
 * from that day, written on the cycle so every later recognition of the batch has the same. Called
 * under the cycle's lock (审定 holds it), so two first approvals cannot fix two periods.
 */
export async function settleBatchValidity(manager: EntityManager, cycle: Cycle, now: Date): Promise<Cycle> {
  if (!expiresWithBatch(findAward(cycle.awardCode)) || (cycle.recognitionValidFrom && cycle.recognitionValidUntil)) return cycle;
  const [fixed] = await sqlRows<{ from: string; until: string }>(
    manager,
    `UPDATE cycles SET recognition_valid_from = coalesce(recognition_valid_from, $2::date), recognition_valid_until = coalesce(recognition_valid_until, $3::date)
      WHERE id = $1 RETURNING to_char(recognition_valid_from, 'YYYY-MM-DD') AS "from", to_char(recognition_valid_until, 'YYYY-MM-DD') AS "until"`,
    [cycle.id, ...periodFrom(beijingDate(now), cycle.recognitionValidityYears ?? 3)],
  );
  return { ...cycle, recognitionValidFrom: fixed.from, recognitionValidUntil: fixed.until };
}

/**
 * The validity of a recognition approved now in this cycle: the cycle's batch period (set by the
 * office, or fixed by settleBatchValidity at the batch's first 审定), the same for every recognition
 * of the batch; without one, recognitionValidityYears from the day of 审定. A short test override
 * (durationOverrides.recognitionValidity) ends it that long after now. Null where nothing expires.
 */
export function recognitionTerms(cycle: Cycle, now: Date): RecognitionTerms | null {
  if (!expiresWithBatch(findAward(cycle.awardCode))) return null;
  let from = cycle.recognitionValidFrom;
  let until = cycle.recognitionValidUntil;
  if (!from || !until) [from, until] = periodFrom(beijingDate(now), cycle.recognitionValidityYears ?? 3);
  const override = cycle.durationOverrides?.recognitionValidity;
  const expiresAt = override ? addIsoDuration(now, override) : endOfBeijingDay(until);
  const noticeDays = cycle.expiryNoticeDays ?? DEFAULT_EXPIRY_NOTICE_DAYS;
  const noticeAt = new Date(expiresAt.getTime() - noticeDays * 86_400_000);
  return {
    recognitionValidFrom: from,
    recognitionValidUntil: until,
    recognitionExpiresAt: expiresAt.toISOString(),
    recognitionExpiryNoticeAt: (noticeAt < now ? now : noticeAt).toISOString(),
  };
}

/** 24:00 Beijing of a date: the first instant of the next day (as a 公示 ends). */
export function endOfBeijingDay(date: string): Date {
  return new Date(`${addDays(date, 1)}T00:00:00.000+08:00`);
}

/** N years from a day: 2024-10-01 for 3 years runs to 2027-09-30. */
function periodFrom(from: string, years: number): [string, string] {
  return [from, addDays(`${Number(from.slice(0, 4)) + years}${from.slice(4)}`, -1)];
}

function beijingDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
