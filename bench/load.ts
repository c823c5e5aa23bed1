/**
 * Parent side of the load generator. autocannon runs in a separate child process (load-worker.ts)
 * so that generating and parsing requests does not share the event loop with the servers under test;
 * process.memoryUsage() in this process then measures the servers (and PGlite) only.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type LoadKind = 'search' | 'create' | 'bare';

export interface LoadRequest {
  id: number;
  kind: LoadKind;
  url: string;
  token?: string;
  connections: number;
  seconds: number;
  /** search: the request paths to cycle through. */
  paths?: string[];
  /** create: seed of the body generator (kept across runs in one worker). */
  seed?: number;
}

export interface LoadResult {
  kind: LoadKind;
  connections: number;
  seconds: number;
  responses: number;
  ok: number;
  statusCounts: Record<string, number>;
  errors: number;
  timeouts: number;
  reqPerSec: number;
  okPerSec: number;
  latencyMs: { mean: number; p50: number; p95: number; p99: number; max: number };
}

type WorkerMessage = { id: number; result: LoadResult } | { id: number; error: string };

export class LoadGenerator {
  private child: ChildProcess;
  private nextId = 1;
  private pending = new Map<number, { resolve: (r: LoadResult) => void; reject: (e: Error) => void }>();

  constructor() {
    const script = fileURLToPath(new URL('./load-worker.ts', import.meta.url));
    this.child = fork(script, [], { execArgv: ['--import', import.meta.resolve('tsx')], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (message: WorkerMessage) => {
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if ('error' in message) waiter.reject(new Error(`load generator: ${message.error}`));
      else waiter.resolve(message.result);
    });
    this.child.on('exit', (code) => {
      for (const waiter of this.pending.values()) waiter.reject(new Error(`load generator exited (code ${code})`));
      this.pending.clear();
    });
  }

  run(request: Omit<LoadRequest, 'id'>): Promise<LoadResult> {
    const id = this.nextId++;
    return new Promise<LoadResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ ...request, id } satisfies LoadRequest);
    });
  }

  close(): void {
    if (this.child.connected) this.child.disconnect();
    if (this.child.exitCode === null) this.child.kill();
  }
}
