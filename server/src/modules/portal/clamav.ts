/**
 * Virus scanning through a ClamAV daemon (clamd), the well-kept open-source scanner, over its TCP
 * socket with the INSTREAM command: `zINSTREAM\0`, then the file in chunks each preceded by its
 * length as 4 bytes big-endian, then a zero length; clamd answers `stream: OK` or
 * `stream: <signature> FOUND`, ended by a NUL byte. Anything else (an error, no answer, no
 * connection) means the file was not scanned, and the caller refuses it rather than keep it unscanned.
 */
import { connect } from 'node:net';

export type ScanVerdict = { clean: true } | { clean: false; signature: string };

export class ScannerUnavailable extends Error {}

/** clamd's default StreamMaxLength is 25 MB; chunks well under its buffer sizes. */
const CHUNK_BYTES = 64 * 1024;

/** Host and port of a `tcp://host:port` address. */
export function clamdAddress(url: string): { host: string; port: number } {
  const parsed = new URL(url);
  if (parsed.protocol !== 'tcp:' || !parsed.hostname || !parsed.port) throw new Error(`not a tcp://host:port address: ${url}`);
  return { host: parsed.hostname.replace(/^\[|\]$/g, ''), port: Number(parsed.port) };
}

export function scanWithClamd(url: string, bytes: Uint8Array, timeoutMs = 30_000): Promise<ScanVerdict> {
  const { host, port } = clamdAddress(url);
  return new Promise<ScanVerdict>((resolve, reject) => {
    const socket = connect({ host, port });
    const replies: Buffer[] = [];
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      outcome();
    };
    const fail = (why: string) => finish(() => reject(new ScannerUnavailable(why)));
    socket.setTimeout(timeoutMs, () => fail('clamd did not answer in time'));
    socket.on('error', (error) => fail(`clamd unreachable: ${error.message}`));
    socket.on('connect', () => {
      socket.write('zINSTREAM\0');
      for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
        const chunk = bytes.subarray(at, at + CHUNK_BYTES);
        const length = Buffer.alloc(4);
        length.writeUInt32BE(chunk.length);
        socket.write(length);
        socket.write(chunk);
      }
      socket.write(Buffer.alloc(4));
    });
    socket.on('data', (data) => {
      replies.push(data);
      const reply = Buffer.concat(replies).toString('utf8');
      if (reply.includes('\0')) finish(() => settle(reply.slice(0, reply.indexOf('\0'))));
    });
    // clamd may close after its reply without the NUL (older versions, or the plain INSTREAM form).
    socket.on('end', () => finish(() => settle(Buffer.concat(replies).toString('utf8'))));

    function settle(reply: string) {
      const text = reply.trim();
      const found = /^stream: (.+) FOUND$/.exec(text);
      if (found) resolve({ clean: false, signature: found[1]! });
      else if (text === 'stream: OK') resolve({ clean: true });
      else reject(new ScannerUnavailable(`clamd answered: ${text.slice(0, 200) || '(nothing)'}`));
    }
  });
}
