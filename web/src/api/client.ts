import { acceptLanguage } from '../i18n';
import type { FieldError, Problem } from './types';

const PROBLEM_PREFIX = 'urn:kruispunt:problem:';
const CSRF_COOKIE = 'kp_csrf';
const PURPOSE_KEY = 'kruispunt.purpose';

/** Problem codes that mean "you are not (or no longer) signed in". */
const SIGNED_OUT_CODES = new Set(['unauthenticated', 'session-expired']);

/**
 * The purpose (doelbinding) chosen for this tab, sent as `X-Purpose`; without it the server uses the
 * roles' default purpose. Kept in sessionStorage and forgotten on sign-in and sign-out.
 */
export function chosenPurpose(): string | null {
  try {
    return window.sessionStorage.getItem(PURPOSE_KEY);
  } catch {
    return null;
  }
}

export function choosePurpose(purpose: string | null): void {
  try {
    if (purpose) window.sessionStorage.setItem(PURPOSE_KEY, purpose);
    else window.sessionStorage.removeItem(PURPOSE_KEY);
  } catch {
    // Storage unavailable: the default purpose applies.
  }
}

/** An error answer of the API, carrying its RFC 9457 problem document. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  /** The short problem code, e.g. `version-conflict` for `urn:kruispunt:problem:version-conflict`. */
  get code(): string {
    return this.problem.type.startsWith(PROBLEM_PREFIX) ? this.problem.type.slice(PROBLEM_PREFIX.length) : this.problem.type;
  }

  get fieldErrors(): FieldError[] {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

/** A network failure or an answer that is not a problem document. */
export class TransportError extends Error {
  readonly status: number | null;
  constructor(status: number | null, message: string) {
    super(message);
    this.name = 'TransportError';
    this.status = status;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/** A random v4 UUID; works outside secure contexts too, where crypto.randomUUID is missing. */
export function newUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export interface RequestOptions {
  body?: unknown;
  /** The resource version for optimistic locking; sent as `If-Match: "<version>"`. */
  ifMatch?: number;
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export interface ApiResponse<T> {
  data: T;
  etag: string | null;
  status: number;
}

type Listener = (error: ApiError) => void;
const unauthenticatedListeners = new Set<Listener>();

/** Called when a request answers 401 `unauthenticated`/`session-expired` (session expired or revoked). */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  try {
    return await send<T>(method, path, options);
  } catch (error) {
    // A purpose chosen earlier that the current roles do not allow: forget it and use the default.
    if (error instanceof ApiError && error.code === 'purpose-not-allowed' && chosenPurpose()) {
      choosePurpose(null);
      return send<T>(method, path, options);
    }
    throw error;
  }
}

async function send<T>(method: string, path: string, options: RequestOptions): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': acceptLanguage(),
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers['X-CSRF-Token'] = csrf;
  }
  const purpose = chosenPurpose();
  if (purpose) headers['X-Purpose'] = purpose;
  if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;

  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new TransportError(null, cause instanceof Error ? cause.message : String(cause));
  }

  const contentType = response.headers.get('Content-Type') ?? '';
  const isJson = contentType.includes('json');
  const payload: unknown = response.status === 204 || !isJson ? null : await response.json().catch(() => null);

  if (!response.ok) {
    if (payload && typeof payload === 'object' && 'type' in payload && 'status' in payload) {
      const error = new ApiError(payload as Problem);
      if (error.status === 401 && SIGNED_OUT_CODES.has(error.code)) {
        for (const listener of unauthenticatedListeners) listener(error);
      }
      throw error;
    }
    throw new TransportError(response.status, response.statusText);
  }
  return { data: payload as T, etag: response.headers.get('ETag'), status: response.status };
}

export const api = {
  get: async <T>(path: string, signal?: AbortSignal) => (await request<T>('GET', path, { signal })).data,
  post: async <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    (await request<T>('POST', path, { ...options, body })).data,
  patch: async <T>(path: string, body: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    (await request<T>('PATCH', path, { ...options, body })).data,
  delete: async (path: string) => {
    await request<null>('DELETE', path);
  },
};
