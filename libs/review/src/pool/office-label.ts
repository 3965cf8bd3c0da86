import { officeName } from '@awardflow/identity';
import { SqlRunner } from '@awardflow/platform';

/** The office's name for a refusal ("须为本届评奖办公室（…）的…"), or a neutral stand-in. */
export async function officeLabel(runner: SqlRunner, officeId: string): Promise<string> {
  return (await officeName(runner, officeId)) ?? '本届评奖办公室';
}
