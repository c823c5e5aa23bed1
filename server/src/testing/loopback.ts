/**
 * Test servers on this machine's loopback address (127.0.0.1), where both Node and a browser
 * reach them.
 */
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';

interface Listening {
  listen(port: number, host: string, done: () => void): unknown;
  once(event: 'error', listener: (error: Error) => void): unknown;
}

/** Starts `server` on a free port of 127.0.0.1 and returns the port. */
export async function listenOnLoopback(server: Listening, address: () => AddressInfo | string | null): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const bound = address();
  if (!bound || typeof bound === 'string') throw new Error('the test server has no TCP port');
  return bound.port;
}

/**
 * A port of 127.0.0.1 that nobody listens on right now: for a server "down", or for a server that
 * must know its own address before it starts (its URL is part of its configuration).
 */
export async function unusedLoopbackPort(): Promise<number> {
  const server = createServer();
  const port = await listenOnLoopback(server, () => server.address());
  await new Promise((resolve) => server.close(resolve));
  return port;
}
