import type { Actor } from './roles';

/** What a valid session or API token resolves to: the actor before the request's purpose is applied. */
export interface ValidCredential extends Omit<Actor, 'purpose'> {
  locale: 'nl' | 'en';
  csrfTokenHash: string | null;
  mfaPending: boolean;
  /** An API token acts under the one purpose it was issued for. */
  fixedPurpose: string | null;
  expiresAt: number | null;
}

/**
 * Recently validated credentials, so that not every request looks its session up again. A revocation,
 * role change or disabled account in this process clears the cache at once; another instance of the
 * platform notices within CREDENTIAL_CACHE_MS.
 */
export const CREDENTIAL_CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

const entries = new Map<string, { credential: ValidCredential; until: number }>();

export function recallCredential(tokenHash: string, nowMs: number): ValidCredential | undefined {
  const entry = entries.get(tokenHash);
  if (!entry) return undefined;
  const expired = entry.until <= nowMs || (entry.credential.expiresAt !== null && entry.credential.expiresAt <= nowMs);
  if (expired) {
    entries.delete(tokenHash);
    return undefined;
  }
  return entry.credential;
}

export function rememberCredential(tokenHash: string, credential: ValidCredential, nowMs: number): void {
  // A full cache starts over rather than tracking recency: it only saves look-ups.
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(tokenHash, { credential, until: nowMs + CREDENTIAL_CACHE_MS });
}

export function forgetCredentials(): void {
  entries.clear();
}
