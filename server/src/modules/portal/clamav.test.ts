import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadClamdUrl, EICAR, startFakeClamd, type FakeClamd } from './clamd-fake';
import { clamdAddress, scanWithClamd, ScannerUnavailable } from './clamav';

let clamd: FakeClamd;
beforeAll(async () => {
  clamd = await startFakeClamd();
});
afterAll(async () => {
  await clamd?.close();
});

describe('virus scan through clamd’s INSTREAM protocol', () => {
  it('a clean file passes, in as many chunks as it takes', async () => {
    expect(await scanWithClamd(clamd.url, Buffer.alloc(200_000, 0x41))).toEqual({ clean: true });
  });

  it('the EICAR test file is found, also across a chunk border', async () => {
    const padded = Buffer.concat([Buffer.alloc(64 * 1024 - 10, 0x20), Buffer.from(EICAR)]);
    expect(await scanWithClamd(clamd.url, padded)).toEqual({ clean: false, signature: 'Eicar-Signature' });
  });

  it('a scanner that is configured but down is unavailable, never "clean"', async () => {
    await expect(scanWithClamd(await deadClamdUrl(), Buffer.from('x'))).rejects.toBeInstanceOf(ScannerUnavailable);
  });

  it('takes tcp://host:port addresses only', () => {
    expect(clamdAddress('tcp://clamav:3310')).toEqual({ host: 'clamav', port: 3310 });
    expect(() => clamdAddress('http://clamav:3310')).toThrow();
  });
});
