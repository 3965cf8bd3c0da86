import { ChildProcess, fork } from 'node:child_process';
import { isReadyMessage, ProcessRole } from '@awardflow/platform';

export interface SupervisedEntry {
  role: ProcessRole;
  script: string;
}

export interface SuperviseOptions {
  /** How long the children get to finish their work after a stop before they are killed. */
  graceMs: number;
  onAllReady(): void;
}

const say = (line: string) => process.stdout.write(`awardflow: ${line}\n`);

/**
 * Runs each entry as a child process until a signal or one of them ends. A stop signal (SIGINT,
 * SIGTERM) goes to every child once; the supervisor then ends the way its children did under Nest's
 * shutdown hook, by the same signal. A child that ends on its own stops the others, and the
 * supervisor exits non-zero: the operator's process manager (systemd, docker, a shell loop) restarts
 * the whole, and a crash loop shows instead of hiding behind in-process restarts.
 */
export function supervise(entries: SupervisedEntry[], options: SuperviseOptions): void {
  const running = new Map<ChildProcess, ProcessRole>();
  const ready = new Set<ProcessRole>();
  let stopSignal: NodeJS.Signals | undefined;
  let failure: number | undefined;

  const stopAll = (signal: NodeJS.Signals) => {
    for (const child of running.keys()) child.kill(signal);
    // Unref'd: the supervisor exits as soon as the last child has, without waiting for this timer.
    setTimeout(() => {
      for (const [child, role] of running) {
        say(`${role} (pid ${child.pid}) still running ${options.graceMs / 1000} s after ${signal}: killing it`);
        child.kill('SIGKILL');
      }
    }, options.graceMs).unref();
  };

  const finish = () => {
    if (failure !== undefined) process.exit(failure);
    say('stopped');
    if (stopSignal) {
      process.removeAllListeners(stopSignal);
      process.kill(process.pid, stopSignal);
    } else {
      process.exit(0);
    }
  };

  for (const entry of entries) {
    // Own process group: a Ctrl-C in the terminal reaches only the supervisor, which forwards it once
    // (a second SIGINT would cut a child's graceful shutdown short).
    const child = fork(entry.script, [], { detached: true, stdio: 'inherit' });
    running.set(child, entry.role);
    say(`${entry.role} started, pid ${child.pid}`);
    child.on('message', (message) => {
      if (!isReadyMessage(message)) return;
      ready.add(message.role);
      say(`${message.role} (pid ${child.pid}) listening on :${message.port}`);
      if (ready.size === entries.length) options.onAllReady();
    });
    child.on('exit', (code, signal) => {
      running.delete(child);
      const how = signal ? `signal ${signal}` : `code ${code}`;
      const expected = stopSignal !== undefined && (signal === stopSignal || code === 0);
      if (expected) {
        say(`${entry.role} (pid ${child.pid}) stopped (${how})`);
      } else {
        say(`${entry.role} (pid ${child.pid}) exited unexpectedly (${how})${running.size ? ': stopping the others' : ''}`);
        if (failure === undefined) failure = code ? code : 1;
        if (stopSignal === undefined) {
          stopSignal = 'SIGTERM';
          stopAll('SIGTERM');
        }
      }
      if (running.size === 0) finish();
    });
  }

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopSignal) return say(`${signal} while stopping: waiting for ${[...running.values()].join(', ')}`);
      stopSignal = signal;
      say(`${signal}: stopping ${[...running.values()].join(' and ')}`);
      stopAll(signal);
    });
  }
}
