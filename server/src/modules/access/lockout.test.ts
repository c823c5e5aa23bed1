import { describe, expect, it } from 'vitest';
import { afterFailedAttempt, isLocked, LOCKOUT_POLICY } from './lockout';
import { allowedPurposes, can, resolvePurpose, ROLE_PERMISSIONS, ROLES } from './roles';

const now = new Date('2026-03-02T09:00:00Z');

describe('lock-out policy (issue 2 §3: five wrong passwords slow down and then lock)', () => {
  it.each([
    [0, 1, 250, 4, false],
    [1, 2, 500, 3, false],
    [2, 3, 1000, 2, false],
    [3, 4, 2000, 1, false],
    [4, 0, 2000, 0, true],
  ])('after %i earlier failures: counter %i, delay %i ms, %i attempts left, locked %s', (previous, counter, delay, remaining, locks) => {
    const outcome = afterFailedAttempt(previous, now);
    expect(outcome.failedAttempts).toBe(counter);
    expect(outcome.delayMs).toBe(delay);
    expect(outcome.remainingAttempts).toBe(remaining);
    expect(outcome.lockedUntil !== null).toBe(locks);
  });

  it('locks for the configured minutes and no longer', () => {
    const { lockedUntil } = afterFailedAttempt(LOCKOUT_POLICY.maxFailedAttempts - 1, now);
    expect(isLocked(lockedUntil, new Date(now.getTime() + (LOCKOUT_POLICY.lockMinutes * 60_000 - 1)))).toBe(true);
    expect(isLocked(lockedUntil, new Date(now.getTime() + LOCKOUT_POLICY.lockMinutes * 60_000))).toBe(false);
    expect(isLocked(null, now)).toBe(false);
  });
});

describe('permission registry (issue 2 §4)', () => {
  it('every role has permissions and a default purpose', () => {
    for (const role of ROLES) {
      expect(ROLE_PERMISSIONS[role].length).toBeGreaterThan(0);
      expect(allowedPurposes([role]).length).toBeGreaterThan(0);
    }
  });

  it.each([
    ['case-worker', 'person.create', true],
    ['case-worker', 'person.access-log.read', false],
    ['data-protection-officer', 'person.access-log.read', true],
    ['administrator', 'person.read', false],
    ['administrator', 'user.manage', true],
    ['partner-user', 'person.update', false],
  ] as const)('%s may %s: %s', (role, permission, expected) => {
    expect(can({ roles: [role] }, permission)).toBe(expected);
  });

  it('a purpose outside the roles is refused; none asked gives the default', () => {
    expect(resolvePurpose(['case-worker'], undefined)).toBe('trajectory-guidance');
    expect(resolvePurpose(['case-worker'], 'intake')).toBe('intake');
    expect(resolvePurpose(['case-worker'], 'enforcement')).toBeNull();
    expect(resolvePurpose(['case-worker'], 'made-up')).toBeNull();
  });
});
