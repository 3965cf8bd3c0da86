import { describe, expect, it } from '@jest/globals';
import { sampleDefinition, sampleRegistries } from '../testing/sample-definitions';
import { DOMAIN_EVENTS } from './domain-events';
import { EventWiringError, eventWiringProblems } from './event-wiring';
import { DefinitionWiringCheck, EventHandlerWiringCheck } from './event-wiring.check';
import { OutboxEventRouter } from './outbox-event-router';
import type { DatabaseConnector } from '@awardflow/platform';
import type { DataSource } from 'typeorm';

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

  describe('at bootstrap', () => {
    const connected = { isConnected: true } as DatabaseConnector;
    const storing = (...defs: unknown[]) => ({ query: async () => defs.map((content) => ({ content })) }) as unknown as DataSource;

    it('fails the boot of API and worker when a stored definition references an unknown event', async () => {
      const def = sampleDefinition();
      def.transitions[0].effects = [{ name: 'send_fax' }];
      const { guards, effects } = sampleRegistries();
      const check = new DefinitionWiringCheck(storing(def), connected, guards, effects);
      await expect(check.onApplicationBootstrap()).rejects.toThrow(EventWiringError);
      await expect(check.onApplicationBootstrap()).rejects.toThrow(/sample-review v1 is invalid: .*unknown effect "send_fax"/);
      await expect(new DefinitionWiringCheck(storing(sampleDefinition()), connected, guards, effects).onApplicationBootstrap()).resolves.toBeUndefined();
    });

    it("fails the worker's boot when a handler's event is not emitted, naming it", () => {
      const { guards, effects } = sampleRegistries();
      const router = new OutboxEventRouter();
      for (const name of allHandled()) router.on(name as 'notify', async () => undefined);
      expect(() => new EventHandlerWiringCheck(effects, guards, router).onApplicationBootstrap()).not.toThrow();
      router.on('check_eligibility', async () => undefined);
      expect(() => new EventHandlerWiringCheck(effects, guards, router).onApplicationBootstrap()).toThrow(/handler is registered for "check_eligibility", but nothing emits it/);
    });
  });
});
