import { describe, expect, it } from '@jest/globals';
import { CycleHooks } from './cycle-hooks';

describe('CycleHooks', () => {
  it('refuses to start, and to answer, when the applications context registered nothing', async () => {
    const hooks = new CycleHooks();
    expect(() => hooks.onApplicationBootstrap()).toThrow(/no applications port is registered/);
    await expect(hooks.hasSubmittedApplications('c')).rejects.toThrow(/no applications port/);
  });

  it('asks the registered port once one is there', async () => {
    const hooks = new CycleHooks();
    hooks.register({ hasSubmittedApplications: async () => true, onCycleClosed: async () => ({ movedToReview: 2, expired: 1 }) });
    expect(() => hooks.onApplicationBootstrap()).not.toThrow();
    await expect(hooks.hasSubmittedApplications('c')).resolves.toBe(true);
  });
});
