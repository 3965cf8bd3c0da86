import { describe, expect, it } from '@jest/globals';
import { ActionUseCases } from './action-use-cases';

const done = async () => ({}) as never;
const yes = async () => true;

/** A complete registry: what the API registers at start (applications, review's decisions, onsite and defense). */
function complete(): ActionUseCases {
  const useCases = new ActionUseCases();
  for (const u of ['transition', 'award', 'revoke', 'onsite_findings', 'defense_score', 'endorsement'] as const) useCases.implement(u, done);
  useCases.registerScope('first_review_reviewer', yes);
  useCases.registerScope('onsite_reviewer', yes);
  return useCases;
}

describe('the use cases of the generic action route', () => {
  it('verify when every use case and finer rule the table names is registered', () => {
    expect(() => complete().verify()).not.toThrow();
  });

  it('refuse to start when a use case the table names has no implementation, naming its actions', () => {
    const useCases = new ActionUseCases();
    useCases.implement('transition', done);
    useCases.registerScope('first_review_reviewer', yes);
    expect(() => useCases.verify()).toThrow(/^the action table names what nothing implements: /);
    const message = (() => {
      try {
        useCases.verify();
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    for (const gap of ['use case "award" (approve, approve_second_tier)', 'use case "revoke" (revoke)', 'use case "onsite_findings" (pass_onsite_review, fail_onsite_review)', 'use case "endorsement" (endorse)', 'scope check "onsite_reviewer"']) {
      expect(message).toContain(gap);
    }
    expect(message).not.toContain('"transition"');
    expect(message).not.toContain('first_review_reviewer');
  });

  it('refuse an implementation of a use case no action of the generic route names, or a second one', () => {
    const useCases = complete();
    expect(() => useCases.implement('panel_vote' as never, done)).toThrow('no action of the action table runs the use case "panel_vote" on the generic route');
    expect(() => useCases.implement('approve' as never, done)).toThrow(/"approve"/);
    expect(() => useCases.implement('award', done)).toThrow('the use case "award" is already implemented');
  });

  it('run the implementation the table names, with no fallback for a missing one', () => {
    const useCases = new ActionUseCases();
    useCases.implement('award', done);
    expect(useCases.implementationOf('award')).toBe(done);
    expect(() => useCases.implementationOf('transition')).toThrow('the use case "transition" has no implementation');
  });
});
