import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DefinitionRegistry, EffectRegistry, GuardRegistry, WorkflowEngine } from '../../libs/workflow/src';
import { registerSampleGuardsAndEffects, sampleDefinition } from '../../libs/workflow/src/testing/sample-definitions';
import { startTestApp, TestContext } from './test-app';

/** The actors the engine specs fire as (no users behind them: the engine takes the role given). */
export const sampleApplicant = { id: randomUUID(), role: 'applicant' };
export const sampleAdmin = { id: randomUUID(), role: 'admin' };

/**
 * The API app on a database of its own with the sample definition (sample-review v1) registered
 * with its guards and effects: the engine specs' setup. Close ctx after.
 */
export async function startSampleEngine(): Promise<{ ctx: TestContext; engine: WorkflowEngine; ds: DataSource }> {
  const ctx = await startTestApp();
  registerSampleGuardsAndEffects(ctx.api.get(GuardRegistry), ctx.api.get(EffectRegistry));
  await ctx.api.get(DefinitionRegistry).register(sampleDefinition());
  return { ctx, engine: ctx.api.get(WorkflowEngine), ds: ctx.dataSource };
}

/** A sample-review v1 instance started by the applicant, with its own subject. */
export function startSample(engine: WorkflowEngine, context: Record<string, unknown> = {}, subjectType = 'sample') {
  return engine.start({ definition: { code: 'sample-review', version: 1 }, subjectType, subjectId: randomUUID(), context, actor: sampleApplicant });
}
