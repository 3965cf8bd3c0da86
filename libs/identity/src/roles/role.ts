export enum Role {
  Applicant = 'applicant',
  Recommender = 'recommender',
  Reviewer = 'reviewer',
  Admin = 'admin',
}

export const ALL_ROLES: Role[] = Object.values(Role);

/** zh-CN names for pages and notifications. */
export const ROLE_LABELS: Record<Role, string> = {
  [Role.Applicant]: '申报单位',
  [Role.Recommender]: '推荐单位',
  [Role.Reviewer]: '评审专家',
  [Role.Admin]: '评奖办公室',
};
