/**
 * Child process that runs autocannon on request of the parent (load.ts) and answers with a summary.
 * Latencies are recorded per response here, because autocannon's own summary has no p95.
 */
import autocannon from 'autocannon';
import type { LoadRequest, LoadResult } from './load';
import { Rng } from '../server/src/platform/rng';
import { CREATE_INSZ_MIX, generatePerson } from '../server/src/modules/persons/synthetic';

let createRng: Rng | null = null;
const createdInsz = new Set<string>();
const runTag = `${Date.now().toString(36)}${process.pid.toString(36)}`;
let createCounter = 0;

function percentile(sorted: Float64Array, p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

function nextCreateBody(seed: number): { body: string; key: string } {
  createRng ??= new Rng(seed);
  const person = generatePerson(createRng, { pools: null, insz: CREATE_INSZ_MIX, usedInsz: createdInsz });
  createCounter++;
  return { body: JSON.stringify(person.facts), key: `bench-${runTag}-${createCounter}` };
}

async function runLoad(request: LoadRequest): Promise<LoadResult> {
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  const auth: Record<string, string> = request.token ? { authorization: `Bearer ${request.token}` } : {};
  let cursor = 0;
  const paths = request.paths ?? [];

  let requests: autocannon.Request[];
  if (request.kind === 'search') {
    if (!paths.length) throw new Error('search load needs paths');
    requests = [
      {
        method: 'GET',
        setupRequest: (req) => ({ ...req, method: 'GET', path: paths[cursor++ % paths.length]!, headers: { ...auth } }),
      },
    ];
  } else if (request.kind === 'create') {
    requests = [
      {
        method: 'POST',
        setupRequest: (req) => {
          const { body, key } = nextCreateBody(request.seed ?? 1);
          return {
            ...req,
            method: 'POST',
            path: '/api/v1/persons',
            headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': key },
            body,
          };
        },
      },
    ];
  } else {
    requests = [{ method: 'GET', path: new URL(request.url).pathname }];
  }

  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: request.kind === 'bare' ? request.url : new URL(request.url).origin,
        connections: request.connections,
        duration: request.seconds,
        timeout: 30,
        requests,
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
    });
  });
  // autocannon's own duration: from the first request to the stop, without process start-up.
  const elapsed = result.duration > 0 ? result.duration : (performance.now() - started) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  const ok = Object.entries(statusCounts)
    .filter(([code]) => code.startsWith('2'))
    .reduce((sum, [, n]) => sum + n, 0);
  const mean = sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : NaN;
  return {
    kind: request.kind,
    connections: request.connections,
    seconds: elapsed,
    responses: sorted.length,
    ok,
    statusCounts,
    errors: result.errors,
    timeouts: result.timeouts,
    reqPerSec: sorted.length / elapsed,
    okPerSec: ok / elapsed,
    latencyMs: {
      mean,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.length ? sorted[sorted.length - 1]! : NaN,
    },
  };
}

function reply(message: unknown): void {
  // The parent may be gone (Ctrl-C): then there is no one to answer.
  if (process.connected) process.send?.(message, undefined, {}, () => undefined);
}

process.on('message', (request: LoadRequest) => {
  runLoad(request).then(
    (result) => reply({ id: request.id, result }),
    (error: unknown) => reply({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
// The parent handles Ctrl-C (it cleans up and then exits); this process ends when the parent disconnects.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => process.exit(0));
process.on('disconnect', () => process.exit(0));
