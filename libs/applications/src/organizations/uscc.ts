// The credit-code check is shared with the console: it lives in @awardflow/rules.
export { checkUscc, USCC_CHARSET, usccCheckCharacter, type UsccCheck } from '@awardflow/rules';
