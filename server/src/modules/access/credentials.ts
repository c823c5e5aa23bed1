import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { authenticator } from 'otplib';

/** argon2id with the library's defaults (m=19 MiB, t=2), the OWASP minimum for password storage. */
export const hashPassword = (password: string) => hash(password);
export const verifyPassword = (passwordHash: string, password: string) => verify(passwordHash, password).catch(() => false);

// A real hash to verify against when the e-mail is unknown, so response time does not reveal accounts.
const DUMMY_HASH = hash('kruispunt-timing-equaliser');
export async function burnPasswordCheck(password: string): Promise<void> {
  await verify(await DUMMY_HASH, password).catch(() => false);
}

/** Prefixes tell a session token from a partner API token at a glance (and to secret scanners). */
export const TOKEN_PREFIX = { session: 'kps_', apiToken: 'kpt_', setup: 'kpsetup_', portal: 'kpp_', csrf: '' } as const;

export function newToken(kind: keyof typeof TOKEN_PREFIX): string {
  return TOKEN_PREFIX[kind] + randomBytes(32).toString('base64url');
}

/** Only a SHA-256 of a bearer secret is stored: a leaked table does not leak usable tokens. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

authenticator.options = { window: 1 };

export const newTotpSecret = () => authenticator.generateSecret();
export const totpUri = (email: string, secret: string) => authenticator.keyuri(email, 'Kruispunt', secret);
export const verifyTotp = (secret: string, code: string) => /^\d{6}$/.test(code) && authenticator.check(code, secret);
export const totpCode = (secret: string) => authenticator.generate(secret);
