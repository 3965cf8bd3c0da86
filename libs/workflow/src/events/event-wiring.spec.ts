import { describe, expect, it } from '@jest/globals';
import { sampleDefinition, sampleRegistries } from '../testing/sample-definitions';
import { DOMAIN_EVENTS } from './domain-events';
import { eventWiringProblems } from './event-wiring';

/** Every domain event plus the effects the sample registries register: what a fully wired worker handles. */
const allHandled = () => [...Object.entries(DOMAIN_EVENTS).filter(([, spec]) => spec.source === 'domain').map(([name]) => name), 'notify'];

describe('event wiring (the boot check)', () => {
  it('finds nothing when every definition name is implemented and every event has a handler', () => {
    expect(eventWiringProblems({ definitions: [sampleDefinition()], ...sampleRegistries(), handled: allHandled() })).toEqual([]);
  });

  it('fails on a definition that references an effect nothing implements', () => {
    const def = sampleDefinition();
    def.states.submitted.onEnter = [{ name: 'send_fax' }];
    expect(eventWiringProblems({ definitions: [def], ...sampleRegistries() })).toEqual([expect.stringContaining('unknown effect "send_fax"')]);
  });

  it('fails on a definition that references a guard nothing implements', () => {
    const def = sampleDefinition();
    def.transitions[0].guard = { name: 'moon_is_full' };
    expect(eventWiringProblems({ definitions: [def], ...sampleRegistries() })).toEqual([expect.stringContaining('unknown guard "moon_is_full"')]);
  });

  it('fails on a notify whose params an implementer refuses (a template that does not exist)', () => {
    const registries = sampleRegistries();
    registries.effects.addParamCheck('notify', (p) => (p.template === 'awarded' || p.template === 'application_submitted' ? null : `no template "${String(p.template)}"`));
    const def = sampleDefinition();
    def.states.submitted.onEnter = [{ name: 'notify', params: { template: 'no_such_template', to: 'applicant' } }];
    expect(eventWiringProblems({ definitions: [def], ...registries })).toEqual([expect.stringContaining('no template "no_such_template"')]);
  });

  it('fails when a handler is registered for an event that does not exist, or that nothing emits', () => {
    const problems = eventWiringProblems({ definitions: [], ...sampleRegistries(), handled: [...allHandled(), 'review.assigned', 'assign_reviewers'] });
    expect(problems).toEqual([
      expect.stringContaining('handler is registered for "review.assigned", which is not in DOMAIN_EVENTS'),
      expect.stringContaining('handler is registered for "assign_reviewers", but nothing emits it'),
    ]);
  });

  it('fails when an emitted event has no handler', () => {
    const problems = eventWiringProblems({ definitions: [], ...sampleRegistries(), handled: allHandled().filter((e) => e !== 'notify' && e !== 'deadline_extended') });
    expect(problems).toEqual([expect.stringContaining('event "notify" is emitted but no handler'), expect.stringContaining('event "deadline_extended" is emitted but no handler')]);
  });

  it('refuses to register an effect that is not an effect event', () => {
    const { effects } = sampleRegistries();
    expect(() => effects.register('send_fax')).toThrow(/not an effect event of DOMAIN_EVENTS/);
    expect(() => effects.register('reviewer_assigned')).toThrow(/not an effect event/);
  });
});
