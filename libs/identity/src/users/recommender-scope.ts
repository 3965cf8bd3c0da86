import { divisionPrefix } from '../offices/division-code';
import type { AuthUser } from '../auth/auth-user';
import { Role } from '../roles/role';

/**
 * What a recommender recommends. A district recommender (区县市场监管局) recommends the organisations
 * registered in its division; an association (重庆市建筑业协会) the awards it recommends for. Absent
 * or null on a side: no limit on that side (an office's own recommender of old).
 */
export interface RecommenderScope {
  /** GB/T 2260 code: the organisation's region_code must lie in it (equal, or below it). */
  divisionCode: string | null;
  /** Award catalog codes it recommends for. */
  awardCodes: string[] | null;
}

/** What the rule needs to know of an application. */
export interface RecommendedSubject {
  awardCode: string;
  /** The organisation's region_code. */
  regionCode: string | null;
}

/**
 * The one rule of what a recommender may see, be told of and endorse, beyond belonging to the
 * cycle's office. The access policy (GET, actions), the list (recommenderScopeSql) and the
 * notifier (UsersService.recommenderIdsFor, the same SQL) all say it this way.
 */
export function recommenderAdmits(scope: RecommenderScope | undefined, subject: RecommendedSubject): boolean {
  if (!scope) return true;
  if (scope.awardCodes && !scope.awardCodes.includes(subject.awardCode)) return false;
  if (scope.divisionCode) return !!subject.regionCode && subject.regionCode.startsWith(divisionPrefix(scope.divisionCode));
  return true;
}

/** Whether the caller is a recommender limited by a scope (else only the office decides). */
export function scopedRecommender(user: AuthUser): RecommenderScope | undefined {
  if (user.role !== Role.Recommender || !user.recommends) return undefined;
  const { divisionCode, awardCodes } = user.recommends;
  return divisionCode || awardCodes ? user.recommends : undefined;
}

/** SQL for the prefix a division's members share (divisionPrefix, in SQL). */
export function divisionPrefixSql(column: string): string {
  return `(CASE WHEN ${column} LIKE '%0000' THEN left(${column}, 2) WHEN ${column} LIKE '%00' THEN left(${column}, 4) ELSE ${column} END)`;
}

/**
 * recommenderAdmits as a condition on a users row `u` (its recommends_* columns), for an award
 * code and an organisation region code given as SQL expressions: the notifier's recipients.
 */
export function recommenderAdmitsSql(u: string, awardCode: string, regionCode: string): string {
  return `((${u}.recommends_award_codes IS NULL OR ${awardCode} = ANY(${u}.recommends_award_codes))
       AND (${u}.recommends_division_code IS NULL OR ${regionCode} LIKE ${divisionPrefixSql(`${u}.recommends_division_code`)} || '%'))`;
}

/**
 * recommenderAdmits as a condition for a fixed scope, on an award code and an organisation region
 * code given as SQL expressions, with `param` adding the values: the list's scope.
 */
export function recommenderScopeSql(scope: RecommenderScope, awardCode: string, regionCode: string, param: (value: unknown) => string): string {
  const conditions: string[] = [];
  if (scope.awardCodes) conditions.push(`${awardCode} = ANY(${param(scope.awardCodes)}::text[])`);
  if (scope.divisionCode) conditions.push(`${regionCode} LIKE ${param(`${divisionPrefix(scope.divisionCode)}%`)}`);
  return conditions.length ? `(${conditions.join(' AND ')})` : 'TRUE';
}
