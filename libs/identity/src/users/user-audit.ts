import { AuditAction, AuditEntityType, AuditEntry } from '@awardflow/audit';
import { User } from './user.entity';
import { toUserDto } from './users.service';

/**
 * The audit entry of a user created (before = null) or changed (role, offices, active, …). It
 * belongs to the offices the user is or was in, so each of those offices can see who was let in
 * or out; an applicant's record belongs to the acting admin's offices. The password hash never
 * appears: the snapshot is the public view of the user.
 */
export function userAudit(before: User | null, after: User, details?: { loginReset?: boolean }): AuditEntry {
  const offices = [...(before?.offices ?? []), ...(after.offices ?? [])].map((o) => o.id);
  return {
    action: before ? AuditAction.UserChanged : AuditAction.UserCreated,
    entityType: AuditEntityType.User,
    entityId: after.id,
    officeIds: offices.length ? offices : undefined,
    before: before ? auditedFields(before) : null,
    after: auditedFields(after),
    // A password reset is recorded as the fact that it happened (loginReset: a key the audit log does
    // not take for a secret), never as a hash.
    details,
  };
}

function auditedFields(user: User) {
  const { createdAt: _created, ...fields } = toUserDto(user);
  return { ...fields, officeIds: [...fields.officeIds].sort() };
}
