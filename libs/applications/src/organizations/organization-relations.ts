/**
 * Organisations as another context may join them in a set-based read: the id and the GB/T 4754
 * industry code (its first letter is the section, 门类), nothing that names or reaches the organisation.
 */
export const ORGANIZATION_INDUSTRIES_RELATION = '(SELECT id, industry FROM organizations)';
