import { SqlRunner, sqlRows } from '@awardflow/platform';

export interface MailRecipient {
  id: string;
  email: string;
}

/** Of these users, the active ones with an e-mail address, each with it: who is sent mail. */
export async function mailRecipients(runner: SqlRunner, userIds: readonly string[]): Promise<MailRecipient[]> {
  if (!userIds.length) return [];
  return sqlRows<MailRecipient>(runner, `SELECT id, email FROM users WHERE id = ANY($1::uuid[]) AND email IS NOT NULL AND is_active`, [[...userIds]]);
}
