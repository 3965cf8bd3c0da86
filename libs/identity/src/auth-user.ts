import { Role } from './role';

/** Who is calling: decoded from the access token on every request. */
export interface AuthUser {
  id: string;
  username: string;
  role: Role;
  /** Set for applicants: the one organisation they act for. */
  organizationId: string | null;
  /** The issuing offices an admin or reviewer acts within. */
  officeIds: string[];
}

export interface AccessTokenClaims {
  sub: string;
  username: string;
  role: Role;
  org: string | null;
  offices: string[];
}
