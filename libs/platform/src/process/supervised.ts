/**
 * An entry point started by `npm start` (apps/main.ts forks it with an IPC channel) tells its supervisor
 * when it listens, and stops by itself if the supervisor vanishes without stopping it (SIGKILL, a crash):
 * an API or worker left running on its own would hold the ports the next `npm start` needs.
 */
export type ProcessRole = 'api' | 'worker';

export interface ReadyMessage {
  awardflow: 'ready';
  role: ProcessRole;
  port: number;
}

export function isReadyMessage(message: unknown): message is ReadyMessage {
  return typeof message === 'object' && message !== null && (message as ReadyMessage).awardflow === 'ready';
}

/** Names the process in ps/top; under a supervisor, stops gracefully if the supervisor goes. */
export function startAsRole(role: ProcessRole): void {
  process.title = `awardflow ${role}`;
  if (!process.send) return;
  let stopping = false;
  // once: Nest's shutdown hook re-raises the signal after closing and relies on no listener being left.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => (stopping = true));
  process.once('disconnect', () => {
    if (!stopping) process.kill(process.pid, 'SIGTERM');
  });
}

export function tellSupervisorReady(role: ProcessRole, port: number): void {
  const message: ReadyMessage = { awardflow: 'ready', role, port };
  process.send?.(message);
}
