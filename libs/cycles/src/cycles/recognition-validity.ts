import { AwardDefinition, findAward } from '@awardflow/awards';
import { addIsoDuration } from '@awardflow/workflow';
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
 * The validity of a recognition approved now in this cycle. It is the cycle's batch period when set
 * (every recognition of the batch the same); a cycle without one (opened before the period was a
 * setting) counts recognitionValidityYears from the day of 审定. A short test override
 * (durationOverrides.recognitionValidity) ends it that long after now. Null where nothing expires.
 */
export function recognitionTerms(cycle: Cycle, now: Date): RecognitionTerms | null {
  if (!expiresWithBatch(findAward(cycle.awardCode))) return null;
  let from = cycle.recognitionValidFrom;
  let until = cycle.recognitionValidUntil;
  if (!from || !until) {
    from = beijingDate(now);
    const years = cycle.recognitionValidityYears ?? 3;
    until = addDays(`${Number(from.slice(0, 4)) + years}${from.slice(4)}`, -1);
  }
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

function beijingDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
