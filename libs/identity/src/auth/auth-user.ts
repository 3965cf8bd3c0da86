import { Role } from '../roles/role';
import type { RecommenderScope } from '../users/recommender-scope';

/** Who is calling: the user row as it is now, loaded on every request for the token's subject. */
export interface AuthUser {
  id: string;
  username: string;
  role: Role;
  /** Set for applicants: the one organisation they act for. */
  organizationId: string | null;
  /** The issuing offices an admin or reviewer acts within. */
  officeIds: string[];
  /** Recommenders: what they recommend (division, awards); absent means the office alone decides. */
  recommends?: RecommenderScope;
}

/**
 * What an access token says: who, and at which token version. Role, organisation and offices are
 * deliberately absent: they are read from the row per request, so a change applies at once.
 */
export interface AccessTokenClaims {
  sub: string;
  ver: number;
}
