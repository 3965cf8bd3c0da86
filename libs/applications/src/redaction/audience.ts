import { AuthUser, Role } from '@awardflow/identity';

/**
 * Who reads a response about an application, and so what it may contain:
 * - `office`: an admin of the cycle's office, who runs the award and sees everything;
 * - `enterprise`: the applicant organisation's own users;
 * - `reviewer`: experts and panel members of an open (non-blind) cycle, and recommenders;
 * - `blind-reviewer`: experts and panel members of a blind cycle (no applicant identity);
 * - `public`: anybody else (an objector, another enterprise, another office).
 */
export type AudienceKind = 'office' | 'enterprise' | 'reviewer' | 'blind-reviewer' | 'public';

export interface Audience {
  kind: AudienceKind;
  /** The reader; null for a group (the recipients of a notification). */
  userId: string | null;
}

/** What each audience may learn. The one table to read (and change) when asking "who sees X?". */
export interface Visibility {
  /** The applicant organisation: name, credit code, id, address, contacts (and their strings in free text). */
  applicant: boolean;
  /** Material file names as uploaded (they often carry the company's name). */
  uploadNames: boolean;
  /** Who objected during 公示: the office's alone, by law and practice. */
  objectors: boolean;
  /** What a 公示 objection alleges (without who alleges it): the enterprise answers it (申辩). */
  allegations: boolean;
  /** The panel's vote counts and the office's working payloads. */
  panelTally: boolean;
  /** Other people's user ids and the history hashes (which commit to the unredacted rows). */
  actors: boolean;
}

export const VISIBILITY: Record<AudienceKind, Visibility> = {
  office: { applicant: true, uploadNames: true, objectors: true, allegations: true, panelTally: true, actors: true },
  enterprise: { applicant: true, uploadNames: true, objectors: false, allegations: true, panelTally: false, actors: false },
  reviewer: { applicant: true, uploadNames: true, objectors: false, allegations: false, panelTally: false, actors: false },
  'blind-reviewer': { applicant: false, uploadNames: false, objectors: false, allegations: false, panelTally: false, actors: false },
  public: { applicant: true, uploadNames: false, objectors: false, allegations: false, panelTally: false, actors: false },
};

export interface AudienceSubject {
  application: { organizationId: string };
  cycle: { officeId: string; blindReview: boolean };
}

/** The audience of one user for one application. */
export function audienceOf(user: AuthUser, { application, cycle }: AudienceSubject): Audience {
  return { kind: kindOf(user, application, cycle), userId: user.id };
}

function kindOf(user: AuthUser, application: AudienceSubject['application'], cycle: AudienceSubject['cycle']): AudienceKind {
  switch (user.role) {
    case Role.Admin:
      return user.officeIds.includes(cycle.officeId) ? 'office' : 'public';
    case Role.Applicant:
      return user.organizationId === application.organizationId ? 'enterprise' : 'public';
    // A recommender endorses the organisation it knows; it is not the office that decides.
    case Role.Recommender:
      return user.officeIds.includes(cycle.officeId) ? 'reviewer' : 'public';
    case Role.Reviewer:
      return cycle.blindReview ? 'blind-reviewer' : 'reviewer';
    default:
      return 'public';
  }
}

/** The recipients of a notification to one party of the application, as one audience. */
export function audienceOfGroup(group: 'applicant' | 'admins' | 'reviewers' | 'recommenders', cycle: { blindReview: boolean }): Audience {
  const kinds = { applicant: 'enterprise', admins: 'office', recommenders: 'reviewer', reviewers: cycle.blindReview ? 'blind-reviewer' : 'reviewer' } as const;
  return { kind: kinds[group], userId: null };
}

export function sees(audience: Audience): Visibility {
  return VISIBILITY[audience.kind];
}
