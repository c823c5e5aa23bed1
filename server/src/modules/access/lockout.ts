/**
 * Password lock-out policy (pure): wrong passwords first slow the next answer down, the fifth locks
 * the account for a while. Values are parameters, not literals scattered in the service.
 */
export const LOCKOUT_POLICY = {
  maxFailedAttempts: 5,
  lockMinutes: 15,
  /** Delay before answering a wrong password: base * 2^(failures-1), capped. */
  slowdownBaseMs: 250,
  slowdownMaxMs: 2000,
} as const;

export type LockoutPolicy = typeof LOCKOUT_POLICY;

export function isLocked(lockedUntil: Date | string | null, now: Date): boolean {
  return lockedUntil !== null && new Date(lockedUntil).getTime() > now.getTime();
}

export interface FailureOutcome {
  failedAttempts: number;
  lockedUntil: Date | null;
  delayMs: number;
  remainingAttempts: number;
}

export function afterFailedAttempt(previousFailures: number, now: Date, policy: LockoutPolicy = LOCKOUT_POLICY): FailureOutcome {
  const failedAttempts = previousFailures + 1;
  const locks = failedAttempts >= policy.maxFailedAttempts;
  return {
    failedAttempts: locks ? 0 : failedAttempts,
    lockedUntil: locks ? new Date(now.getTime() + policy.lockMinutes * 60_000) : null,
    delayMs: Math.min(policy.slowdownBaseMs * 2 ** (failedAttempts - 1), policy.slowdownMaxMs),
    remainingAttempts: Math.max(policy.maxFailedAttempts - failedAttempts, 0),
  };
}
