import { EntityManager } from 'typeorm';
import { Cycle } from './cycle.entity';

export interface ApplicationWindow {
  id: string;
  officeId: string;
  applicationClosesAt: Date;
}

/** The cycle's window, locked in the caller's transaction until it commits (null: no such cycle). */
export async function lockApplicationWindow(m: EntityManager, cycleId: string): Promise<ApplicationWindow | null> {
  const cycle = await m.findOne(Cycle, { where: { id: cycleId }, lock: { mode: 'pessimistic_write' } });
  return cycle && { id: cycle.id, officeId: cycle.officeId, applicationClosesAt: cycle.applicationClosesAt };
}

/**
 * Moves the window's close (an admin's extension), in the caller's transaction. The instances'
 * copy of it (their context's `applicationClosesAt`) is the engine's to change.
 */
export async function moveApplicationClose(m: EntityManager, cycleId: string, closesAt: Date): Promise<void> {
  await m.update(Cycle, { id: cycleId }, { applicationClosesAt: closesAt });
}
