// The algorithm is the backend's own module (pure TypeScript, no dependencies), bundled in: the
// form checks a credit code as it is typed with the API's own rule and the API's own Chinese reason.
export { checkUscc } from '../../../../libs/applications/src/organizations/uscc';
