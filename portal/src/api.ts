import { acceptLanguage, type Locale } from './i18n';

/**
 * The portal API client (contract: notes/portal-contract.md, all paths under /api/v1/portal). The
 * session is the httpOnly cookie `kp_portal`; every non-GET request sends the readable
 * `kp_portal_csrf` cookie back as `X-CSRF-Token`. Every request says the chosen language.
 */
export const API_BASE = '/api/v1/portal';
const CSRF_COOKIE = 'kp_portal_csrf';
const PROBLEM_PREFIX = 'urn:kruispunt:problem:';

// ---- Types of the contract ----

export type DossierStatus = 'signed-up' | 'intake-done' | 'running' | 'suspended' | 'closed' | 'transferred';

export interface AuthOptions {
  oidc: { enabled: boolean; label: string };
  emailCode: boolean;
}

export interface Me {
  givenName: string;
  familyName: string;
  locale: string;
  dossierStatus: DossierStatus | null;
}

export type PillarId = 'mo' | 'nt2' | 'work' | 'participation';
export type PillarState = 'todo' | 'in-progress' | 'done' | 'exempt' | 'not-required';
export type TeamRole = 'case-worker' | 'nt2-consultant' | 'course-teacher' | 'interpreting' | 'other';

export interface Trajectory {
  status: DossierStatus | null;
  contractSignedOn: string | null;
  pillars: Array<{
    pillar: PillarId;
    state: PillarState;
    detail: string | null;
    /** Beyond the contract (the server sends it): hours done of hours needed (MO course, participation). */
    progress?: { done: number; required: number } | null;
  }>;
  nextSteps: Array<{ code: string; pillar: string | null; dueDate: string | null }>;
  missingForCertificate: string[];
  team: Array<{ role: TeamRole; name: string; organisation: string; email: string | null; phone: string | null }>;
}

export type AppointmentKind = 'intake' | 'course-session' | 'test' | 'nt2-conversation' | 'nt2-start';

export interface Appointment {
  id: string;
  kind: AppointmentKind;
  title: string;
  startsAt: string;
  endsAt: string | null;
  /** Beyond the contract (the server sends it): a day without a time; `startsAt` is midnight in Belgium. */
  allDay?: boolean;
  place: { name: string; address: string | null } | null;
  mapUrl: string | null;
  changeRequest: { status: 'pending' | 'handled'; requestedAt: string } | null;
}

export type TaskKind = 'register-employment-service' | 'upload-participation-proof' | 'choose-participation-activity' | 'other';
export type TaskStatus = 'open' | 'submitted' | 'accepted' | 'rejected';

export interface TaskFile {
  id: string;
  name: string;
  size: number;
  contentType: string;
}

export interface Task {
  id: string;
  kind: TaskKind;
  title: string | null;
  dueDate: string | null;
  status: TaskStatus;
  rejectionReason: string | null;
  files: TaskFile[];
  activity: { id: string; name: string } | null;
}

export interface ParticipationActivity {
  id: string;
  name: string;
  organisation: string;
  hours: number;
  /** Null when not given (the server's schema allows it). */
  place: string | null;
  language: string | null;
}

export type DocumentKind = 'contract' | 'personal-plan' | 'certificate' | 'letter';

export interface PortalDocument {
  id: string;
  kind: DocumentKind;
  title: string;
  issuedOn: string;
}

export interface AccessLogEntry {
  /** Beyond the contract (the server sends it). */
  id?: string;
  at: string;
  organisation: string;
  role: string;
  purpose: string;
  action: string;
  what: string;
}

export interface Items<T> {
  items: T[];
}

/** The access log comes in pages (beyond the contract: `next`, passed back as `before`). */
export interface AccessLogPage extends Items<AccessLogEntry> {
  next?: string | null;
}

// ---- Errors ----

export interface Problem {
  type: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: Array<{ field: string; code: string; message?: string }>;
}

/** An error answer of the API (application/problem+json). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? problem.type);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  /** The problem code: the document's `code`, or the last part of its `type` URN. */
  get code(): string {
    if (typeof this.problem.code === 'string') return this.problem.code;
    const type = this.problem.type ?? '';
    return type.startsWith(PROBLEM_PREFIX) ? type.slice(PROBLEM_PREFIX.length) : type;
  }
}

/** No answer (offline, weak network) or an answer that is not a problem document. */
export class NetworkError extends Error {
  readonly status: number | null;
  constructor(status: number | null, message: string) {
    super(message);
    this.name = 'NetworkError';
    this.status = status;
  }
}

type Listener = () => void;
const signedOutListeners = new Set<Listener>();

/** Called when a request with a session answers 401: the session ended (idle 30 min, 8 h, signed out elsewhere). */
export function onSignedOut(listener: Listener): () => void {
  signedOutListeners.add(listener);
  return () => {
    signedOutListeners.delete(listener);
  };
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

function headers(method: string, json: boolean): Record<string, string> {
  const h: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': acceptLanguage(),
  };
  if (json) h['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) h['X-CSRF-Token'] = csrf;
  }
  return h;
}

function isProblem(payload: unknown): payload is Problem {
  return typeof payload === 'object' && payload !== null && 'status' in payload && ('type' in payload || 'code' in payload);
}

function failure(status: number, statusText: string, payload: unknown, notifySignedOut: boolean): Error {
  if (status === 401 && notifySignedOut) for (const listener of signedOutListeners) listener();
  if (isProblem(payload)) return new ApiError(payload);
  return new NetworkError(status, statusText);
}

interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  /** Public sign-in calls: a 401 there is a wrong code, not an ended session. */
  publicCall?: boolean;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(API_BASE + path, {
      method,
      headers: headers(method, options.body !== undefined),
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new NetworkError(null, cause instanceof Error ? cause.message : String(cause));
  }
  const contentType = response.headers.get('Content-Type') ?? '';
  const payload: unknown = response.status === 204 || !contentType.includes('json') ? null : await response.json().catch(() => null);
  if (!response.ok) throw failure(response.status, response.statusText, payload, !options.publicCall);
  return payload as T;
}

/**
 * Sends one file as multipart/form-data (field `file`). XMLHttpRequest rather than fetch: on a slow
 * connection the person sees how far the upload is.
 */
export function uploadFile(path: string, file: File, onProgress: (fraction: number) => void): { promise: Promise<TaskFile>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<TaskFile>((resolve, reject) => {
    xhr.open('POST', API_BASE + path);
    xhr.withCredentials = true;
    for (const [name, value] of Object.entries(headers('POST', false))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let payload: unknown = null;
      try {
        payload = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        payload = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(payload as TaskFile);
      else reject(failure(xhr.status, xhr.statusText, payload, true));
    };
    xhr.onerror = () => reject(new NetworkError(null, 'upload failed'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

// ---- The calls, one per contract endpoint ----

export const portalApi = {
  authOptions: (signal?: AbortSignal) => request<AuthOptions>('GET', '/auth/options', { signal, publicCall: true }),
  /** A plain link (full page navigation), not a fetch: the provider's page follows. */
  oidcStartUrl: (locale: Locale) => `${API_BASE}/auth/oidc/start?locale=${encodeURIComponent(locale)}`,
  requestEmailCode: (email: string, locale: Locale) =>
    request<{ sent: true }>('POST', '/auth/email-code', { body: { email, locale }, publicCall: true }),
  verifyEmailCode: (email: string, code: string) =>
    request<{ locale: string }>('POST', '/auth/email-code/verify', { body: { email, code }, publicCall: true }),
  signOut: () => request<null>('POST', '/auth/sign-out', { publicCall: true }),

  /** The signed-in person, or null without a (valid) session. */
  me: async (signal?: AbortSignal): Promise<Me | null> => {
    try {
      return await request<Me>('GET', '/me', { signal, publicCall: true });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  setLocale: (locale: Locale) => request<{ locale: string }>('PUT', '/me/locale', { body: { locale } }),

  trajectory: (signal?: AbortSignal) => request<Trajectory>('GET', '/trajectory', { signal }),
  appointments: (signal?: AbortSignal) => request<Items<Appointment>>('GET', '/appointments', { signal }),
  appointmentsIcsUrl: `${API_BASE}/appointments.ics`,
  requestAppointmentChange: (id: string, body: { reason: string; preferredMoments: string }) =>
    request<unknown>('POST', `/appointments/${encodeURIComponent(id)}/change-request`, { body }),
  tasks: (signal?: AbortSignal) => request<Items<Task>>('GET', '/tasks', { signal }),
  uploadTaskFile: (taskId: string, file: File, onProgress: (fraction: number) => void) =>
    uploadFile(`/tasks/${encodeURIComponent(taskId)}/files`, file, onProgress),
  submitTask: (taskId: string, body: { activityId?: string; note?: string }) =>
    request<Task>('POST', `/tasks/${encodeURIComponent(taskId)}/submit`, { body }),
  participationActivities: (signal?: AbortSignal) => request<Items<ParticipationActivity>>('GET', '/participation-activities', { signal }),
  documents: (signal?: AbortSignal) => request<Items<PortalDocument>>('GET', '/documents', { signal }),
  documentUrl: (id: string) => `${API_BASE}/documents/${encodeURIComponent(id)}.pdf`,
  accessLog: (before: string | null, signal?: AbortSignal) =>
    request<AccessLogPage>('GET', before ? `/access-log?before=${encodeURIComponent(before)}` : '/access-log', { signal }),
};
