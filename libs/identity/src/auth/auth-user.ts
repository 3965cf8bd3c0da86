import { Role } from '../roles/role';

/** Who is calling: the user row as it is now, loaded on every request for the token's subject. */
export interface AuthUser {
  id: string;
  username: string;
  role: Role;
  /** Set for applicants: the one organisation they act for. */
  organizationId: string | null;
  /** The issuing offices an admin or reviewer acts within. */
  officeIds: string[];
}

/**
 * What an access token says: who, and at which token version. Role, organisation and offices are
 * deliberately absent: they are read from the row per request, so a change applies at once.
 */
export interface AccessTokenClaims {
  sub: string;
  ver: number;
}
