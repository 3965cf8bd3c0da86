import { AwardDefinition, outcomeWording } from '@awardflow/awards';
import type { OutsideResultRow } from './outside-results.repository';

/** The outcome as a reader is told it (outcomeWording): 推荐参评… until conferred, then 荣获… or 未获评…. */
export function outsideOutcomeText(award: AwardDefinition, year: number, outcome: OutsideResultRow['outcome']): string {
  const wording = outcomeWording(award, year);
  if (outcome === 'awarded') return wording.conferred ?? wording.local;
  if (outcome === 'not_awarded') return wording.notConferred ?? wording.local;
  return wording.local;
}
