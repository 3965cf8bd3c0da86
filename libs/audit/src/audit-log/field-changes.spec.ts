import { describe, expect, it } from '@jest/globals';
import { fieldChanges, withoutSecrets } from './field-changes';

describe('fieldChanges', () => {
  it('keeps only the fields that differ, with both values', () => {
    expect(fieldChanges({ role: 'reviewer', title: '甲', quota: { awards: 3 } }, { role: 'admin', title: '甲', quota: { awards: 3 } })).toEqual({
      role: { from: 'reviewer', to: 'admin' },
    });
  });

  it('lists every field of a created entity as changed from null', () => {
    expect(fieldChanges(null, { id: 'u1', role: 'admin' })).toEqual({ id: { from: null, to: 'u1' }, role: { from: null, to: 'admin' } });
  });

  it('does not see a change in key order, and compares dates by instant', () => {
    const at = '2026-05-31T15:59:59.999Z';
    expect(fieldChanges({ panel: { quorum: 5, majority: 2 }, closesAt: new Date(at) }, { panel: { majority: 2, quorum: 5 }, closesAt: at })).toEqual({});
    expect(fieldChanges({ closesAt: new Date(at) }, { closesAt: new Date('2026-06-30T15:59:59.999Z') })).toEqual({
      closesAt: { from: at, to: '2026-06-30T15:59:59.999Z' },
    });
  });

  it('says that a secret changed without its values, at the top or nested', () => {
    const changes = fieldChanges({ passwordHash: '$argon2id$old', contact: { apiToken: 'a', name: '王' } }, { passwordHash: '$argon2id$new', contact: { apiToken: 'b', name: '李' } });
    expect(changes).toEqual({ passwordHash: { redacted: true }, contact: { from: { apiToken: '[redacted]', name: '王' }, to: { apiToken: '[redacted]', name: '李' } } });
    expect(JSON.stringify(changes)).not.toContain('argon2');
  });
});

describe('withoutSecrets', () => {
  it('replaces secret-named values at any depth, arrays included', () => {
    expect(withoutSecrets({ reason: '复核', jobs: [{ password: 'p', id: 1 }] })).toEqual({ reason: '复核', jobs: [{ password: '[redacted]', id: 1 }] });
  });
});
