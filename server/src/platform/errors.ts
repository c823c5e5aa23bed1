/**
 * Typed application errors. Domain and service code throws these; the HTTP edge maps them once
 * to application/problem+json (platform/http/problem.ts). Domain code never imports Fastify.
 */
export const PROBLEM_CODES = {
  'validation': 400,
  'malformed-json': 400,
  'unauthenticated': 401,
  'invalid-credentials': 401,
  'mfa-required': 401,
  'mfa-invalid': 401,
  'login-code-invalid': 401,
  'session-expired': 401,
  'forbidden': 403,
  'csrf': 403,
  'purpose-not-allowed': 403,
  'account-locked': 423,
  'not-found': 404,
  'conflict': 409,
  'version-conflict': 409,
  'possible-duplicate': 409,
  'insz-taken': 409,
  'portal-account-exists': 409,
  'already-merged': 409,
  'nt2-advice-exists': 409,
  'nt2-already-placed': 409,
  'nt2-start-moment-full': 409,
  'idempotency-mismatch': 422,
  'precondition-required': 428,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'upload-too-large': 413,
  'upload-type-not-allowed': 415,
  'upload-malformed': 422,
  'upload-infected': 422,
  'upload-scan-unavailable': 503,
  'too-many-requests': 429,
  'setup-token-invalid': 400,
  'rule-violation': 422,
  'report-unavailable': 422,
  'internal': 500,
  'mail-unavailable': 503,
} as const satisfies Record<string, number>;

export type ProblemCode = keyof typeof PROBLEM_CODES;

/** One problem with one input field; `code` selects the translated message `field.<code>`. */
export interface FieldProblem {
  field: string;
  code: string;
  values?: Record<string, string | number>;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ProblemCode,
    readonly options: {
      /** Values for the translated detail message `problem.<code>.detail`. */
      values?: Record<string, string | number>;
      fields?: FieldProblem[];
      /** Extra members of the problem document (for example duplicate candidates). */
      extra?: Record<string, unknown>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(code);
    this.status = PROBLEM_CODES[code];
  }
}

export const notFound = (what: string) => new AppError('not-found', { values: { what } });
export const forbidden = (permission: string) => new AppError('forbidden', { values: { permission } });
export const invalidField = (field: string, code: string, values?: Record<string, string | number>) =>
  new AppError('validation', { fields: [{ field, code, ...(values ? { values } : {}) }] });
