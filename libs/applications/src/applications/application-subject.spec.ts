import { describe, expect, it } from '@jest/globals';
import { statesTagged } from '@awardflow/awards';
import { SUBJECT_LABELS } from '@awardflow/rules';
import { SUBJECT_RELEASING_STATES } from '../migrations/1795562870000-application-subject';
import { alreadyApplied, isActiveSubjectTaken } from './application-subject';

describe('one active application per cycle and subject', () => {
  it('releases a subject in the states the families tag inactive, as the unique index’s predicate has them', () => {
    // A family that tags another state inactive needs a migration that rewrites the index's predicate.
    expect([...SUBJECT_RELEASING_STATES].sort()).toEqual([...statesTagged('inactive')].sort());
  });

  it('words the refusal by the subject: the organisation, the project or product taken, or the unnamed draft', () => {
    expect(alreadyApplied({ kind: 'organization', key: null, name: null }, 'a').message).toBe('该单位在此评审周期已有一份申报');
    expect(alreadyApplied({ kind: 'project', key: 'project:x@y', name: 'x' }, 'a', 'project:x@y').message).toBe('该工程项目在此评审周期已有一份申报');
    expect(alreadyApplied({ kind: 'product', key: null, name: null }, 'a', null).message).toBe(`该单位在此评审周期已有一份尚未填写${SUBJECT_LABELS.product}的申报，请先在其中填写产品`);
    expect(alreadyApplied({ kind: 'product', key: 'product:o:x', name: 'x' }, 'a').details).toEqual({ applicationId: 'a' });
  });

  it('recognises the unique index’s refusal and no other', () => {
    expect(isActiveSubjectTaken({ code: '23505', constraint: 'uq_applications_active_subject' })).toBe(true);
    expect(isActiveSubjectTaken({ code: '23505', driverError: { constraint: 'uq_applications_active_subject' } })).toBe(true);
    expect(isActiveSubjectTaken({ code: '23505', constraint: 'uq_organizations_uscc' })).toBe(false);
    expect(isActiveSubjectTaken(new Error('x'))).toBe(false);
  });
});
