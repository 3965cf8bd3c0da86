import { Injectable, OnModuleInit } from '@nestjs/common';
import { isTemplateKey } from '@awardflow/notifications';
import { EffectRegistry } from '@awardflow/workflow';

const namesATemplate = (params: Record<string, unknown>): string | null =>
  isTemplateKey(String(params.template)) ? null : `params.template "${String(params.template)}" is not a notification template (libs/notifications/src/templates/templates.ts)`;

/**
 * A definition's `notify` must name a template this release has (ApplicationNotifier renders
 * it): checked when a cycle pins its definition and, for stored ones, at boot, in API and worker.
 */
@Injectable()
export class NotifyTemplateCheck implements OnModuleInit {
  constructor(private readonly effects: EffectRegistry) {}

  onModuleInit(): void {
    this.effects.addParamCheck('notify', namesATemplate);
  }
}
