import { describe, expect, it } from '@jest/globals';
import { ApplicationParties } from './application-parties';

describe('ApplicationParties', () => {
  it('answers an application’s reviewers from the registered source', async () => {
    const parties = new ApplicationParties();
    parties.registerReviewers(async (id) => (id === 'a1' ? ['u1', 'u2'] : []));
    parties.verify();
    await expect(parties.reviewersOf('a1')).resolves.toEqual(['u1', 'u2']);
    await expect(parties.reviewersOf('a2')).resolves.toEqual([]);
  });

  it('fails the boot check, and every question, while no source is registered', async () => {
    const parties = new ApplicationParties();
    expect(() => parties.verify()).toThrow(/review context registers it/);
    await expect(async () => parties.reviewersOf('a1')).rejects.toThrow(/no source/);
  });

  it('refuses a second, different source', () => {
    const parties = new ApplicationParties();
    parties.registerReviewers(async () => []);
    expect(() => parties.registerReviewers(async () => ['x'])).toThrow(/already registered/);
  });
});
