/**
 * Test support: a small TCP server that speaks clamd's INSTREAM protocol and flags the EICAR test
 * string, so the scanner client and the upload route are tested against the real protocol.
 */
import { createServer, type Server } from 'node:net';

/**
 * The EICAR anti-virus test file, put together at run time so that a scanner on a developer's
 * machine does not quarantine this source file.
 */
export const EICAR = ['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'].join('');

export interface FakeClamd {
  url: string;
  /** Streams scanned so far. */
  readonly scans: number;
  close(): Promise<void>;
}

export async function startFakeClamd(): Promise<FakeClamd> {
  const state = { scans: 0 };
  const server: Server = createServer((socket) => {
    let buffer = Buffer.alloc(0);
    let received = Buffer.alloc(0);
    let commandRead = false;
    socket.on('data', (data) => {
      buffer = Buffer.concat([buffer, data]);
      if (!commandRead) {
        const end = buffer.indexOf(0);
        if (end < 0) return;
        if (buffer.subarray(0, end).toString() !== 'zINSTREAM') {
          socket.end('UNKNOWN COMMAND\0');
          return;
        }
        commandRead = true;
        buffer = buffer.subarray(end + 1);
      }
      while (buffer.length >= 4) {
        const length = buffer.readUInt32BE(0);
        if (length === 0) {
          state.scans += 1;
          socket.end(received.includes(EICAR) ? 'stream: Eicar-Signature FOUND\0' : 'stream: OK\0');
          return;
        }
        if (buffer.length < 4 + length) return;
        received = Buffer.concat([received, buffer.subarray(4, 4 + length)]);
        buffer = buffer.subarray(4 + length);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `tcp://127.0.0.1:${port}`,
    get scans() {
      return state.scans;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The address of a port nobody listens on: a scanner that is configured but down. */
export async function deadClamdUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `tcp://127.0.0.1:${port}`;
}
