import type { EffectRef } from '@awardflow/workflow';
import { EFFECT_NOTIFY, NotifyAudience } from '../workflow-names';

export const notify = (template: string, to: NotifyAudience = 'applicant'): EffectRef => ({ name: EFFECT_NOTIFY, params: { template, to } });
