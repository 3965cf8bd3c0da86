/**
 * Organisations as another context may join them in a set-based read: the id, the division it is
 * registered in (GB/T 2260 code) and its GB/T 4754 industry code (the first letter is the section,
 * 门类); nothing that names or reaches the organisation.
 */
export const ORGANIZATION_PROFILES_RELATION = '(SELECT id, region_code, industry FROM organizations)';
