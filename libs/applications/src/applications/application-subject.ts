import { statesTagged } from '@awardflow/awards';
import { CYCLE_EDITIONS_RELATION } from '@awardflow/cycles';
import { DomainError, ErrorCode, NotFoundError, sqlRows } from '@awardflow/platform';
import { ApplicationSubject, effectiveSubjectKey, SUBJECT_LABELS, subjectEnteredOnce } from '@awardflow/rules';
import { EntityManager } from 'typeorm';
import { SUBJECT_RELEASING_STATES } from '../migrations/1795562870000-application-subject';
import type { SubmissionProblem } from './applications.service';

/** The unique index that holds one active application per cycle and subject (see its migration). */
export const ACTIVE_SUBJECT_INDEX = 'uq_applications_active_subject';

/** The states in which an application no longer holds its subject: as the index's predicate has them. */
const RELEASED: readonly string[] = SUBJECT_RELEASING_STATES;

/** The refusal of a second active application of one subject, naming the one there is. */
export function alreadyApplied(subject: ApplicationSubject, existingId: string | undefined, existingKey?: string | null): DomainError {
  const details = existingId ? { applicationId: existingId } : undefined;
  if (subject.kind === 'organization') return new DomainError(ErrorCode.AlreadyApplied, undefined, details);
  // The subject's own key taken, or (key null) the organisation's one unnamed draft.
  const unnamed = subject.key === null || existingKey === null;
  return new DomainError(ErrorCode.AlreadyApplied, { subject: SUBJECT_LABELS[subject.kind], unnamed }, details);
}

/** A write the unique index refused: the same refusal, for the race the check before it cannot see (another organisation's same project). */
export function isActiveSubjectTaken(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { constraint?: string } };
  return e?.code === '23505' && (e.constraint ?? e.driverError?.constraint) === ACTIVE_SUBJECT_INDEX;
}

/**
 * Serialises an organisation's applications in a cycle on its row, then refuses a subject another
 * active application of the cycle holds (the organisation itself where the key is null). Answers
 * the organisation's name and credit code, which a new application row carries for the list's search.
 */
export async function claimSubject(
  manager: EntityManager,
  input: { cycleId: string; organizationId: string; subject: ApplicationSubject; excludeId?: string },
): Promise<{ name: string; uscc: string }> {
  const [organization] = await sqlRows<{ name: string; uscc: string }>(manager, `SELECT name, uscc FROM organizations WHERE id = $1 FOR UPDATE`, [input.organizationId]);
  if (!organization) throw new NotFoundError('organization', input.organizationId);
  const key = effectiveSubjectKey(input.subject.key, input.organizationId);
  const [active] = await sqlRows<{ id: string; subjectKey: string | null }>(
    manager,
    `SELECT id, subject_key AS "subjectKey" FROM applications
      WHERE cycle_id = $1 AND COALESCE(subject_key, 'organization:' || organization_id::text) = $2
        AND NOT (state = ANY($3::text[])) AND id IS DISTINCT FROM $4::uuid
      LIMIT 1`,
    [input.cycleId, key, RELEASED, input.excludeId ?? null],
  );
  if (active) throw alreadyApplied(input.subject, active.id, active.subjectKey);
  return organization;
}

const SELECTED = statesTagged('selected');
/** Not entered into the 评选 at all: withdrawn, never submitted, or not forwarded by the recommender. */
const NEVER_ENTERED = ['withdrawn', 'expired', 'not_endorsed'];

/**
 * 鲁班奖: a project entered in an earlier cycle of the award is not entered again — not awarded
 * (评选办法 评选工程范围 第三条, see subject-key.ts), awarded, or still in the running there.
 */
export async function reentryProblems(
  manager: EntityManager,
  input: { applicationId: string; cycleId: string; awardCode: string; subject: ApplicationSubject; awardName: string },
): Promise<SubmissionProblem[]> {
  if (!subjectEnteredOnce(input.awardCode) || input.subject.key === null) return [];
  const earlier = await sqlRows<{ year: number; state: string }>(
    manager,
    `SELECT c.year, a.state FROM applications a JOIN ${CYCLE_EDITIONS_RELATION} c ON c.id = a.cycle_id
      WHERE a.subject_key = $1 AND c.award_code = $2 AND a.cycle_id <> $3 AND a.id <> $4
        AND a.submitted_at IS NOT NULL AND NOT (a.state = ANY($5::text[]))
      ORDER BY c.year DESC LIMIT 1`,
    [input.subject.key, input.awardCode, input.cycleId, input.applicationId, NEVER_ENTERED],
  );
  if (!earlier.length) return [];
  const [{ year, state }] = earlier;
  const reason = SELECTED.includes(state)
    ? `该工程已在${year}年度${input.awardName}评选中获奖，不能再次申报`
    : `该工程已参加过${year}年度${input.awardName}评选${statesTagged('out').includes(state) ? '而未获奖' : '（尚在评选中）'}，不再列入评选范围`;
  return [{ rule: 'subject_reentry', field: 'form.project.name', reason }];
}
