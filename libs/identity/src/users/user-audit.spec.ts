import { describe, expect, it } from '@jest/globals';
import { fieldChanges } from '@awardflow/audit';
import { Office } from '../offices/office.entity';
import { User } from './user.entity';
import { Role } from '../roles/role';
import { userAudit } from './user-audit';

const office = (id: string) => Object.assign(new Office(), { id });
const user = (overrides: Partial<User>): User =>
  Object.assign(new User(), {
    id: 'u-1',
    username: 'zhangsan',
    displayName: '张三',
    email: null,
    role: Role.Reviewer,
    organizationId: null,
    isActive: true,
    passwordHash: '$argon2id$v=19$secret',
    offices: [office('o-b'), office('o-a')],
    createdAt: new Date('2026-01-01T00:00:00Z'),
    ...overrides,
  });

describe('userAudit', () => {
  it('a role and office change: only those fields, in both offices, without the password hash', () => {
    const entry = userAudit(user({}), user({ role: Role.Admin, offices: [office('o-a'), office('o-c')], passwordHash: '$argon2id$v=19$other' }), { loginReset: true });
    expect(entry).toMatchObject({ action: 'user_changed', entityType: 'user', entityId: 'u-1', details: { loginReset: true } });
    expect(new Set(entry.officeIds)).toEqual(new Set(['o-a', 'o-b', 'o-c']));
    expect(fieldChanges(entry.before, entry.after)).toEqual({
      role: { from: 'reviewer', to: 'admin' },
      officeIds: { from: ['o-a', 'o-b'], to: ['o-a', 'o-c'] },
    });
    expect(JSON.stringify(entry)).not.toContain('argon2');
  });

  it("an applicant created: no offices of its own, so the record takes the acting admin's", () => {
    const entry = userAudit(null, user({ role: Role.Applicant, offices: [] }));
    expect(entry).toMatchObject({ action: 'user_created', before: null, officeIds: undefined });
    expect(JSON.stringify(entry)).not.toContain('argon2');
  });
});
