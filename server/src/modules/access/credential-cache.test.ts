import { describe, expect, it } from 'vitest';
import { CREDENTIAL_CACHE_MS, forgetCredentials, recallCredential, rememberCredential, type ValidCredential } from './credential-cache';

const credential = (expiresAt: number | null): ValidCredential => ({
  kind: 'user',
  userId: 'u',
  tokenId: null,
  sessionId: 's',
  tenantId: 't',
  organisationId: 'o',
  roles: ['case-worker'],
  locale: 'nl',
  csrfTokenHash: null,
  mfaPending: false,
  fixedPurpose: null,
  expiresAt,
});

describe('credential cache (sessions are not looked up on every request, but revocation still bites)', () => {
  it('answers within its lifetime and forgets after it', () => {
    rememberCredential('a', credential(null), 1_000);
    expect(recallCredential('a', 1_000 + CREDENTIAL_CACHE_MS - 1)).toBeDefined();
    expect(recallCredential('a', 1_000 + CREDENTIAL_CACHE_MS)).toBeUndefined();
  });

  it('never outlives the session it holds', () => {
    rememberCredential('b', credential(1_500), 1_000);
    expect(recallCredential('b', 1_499)).toBeDefined();
    expect(recallCredential('b', 1_500)).toBeUndefined();
  });

  it('is cleared by a revocation', () => {
    rememberCredential('c', credential(null), 1_000);
    forgetCredentials();
    expect(recallCredential('c', 1_001)).toBeUndefined();
  });
});
