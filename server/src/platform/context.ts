import type { Actor } from '../modules/access/roles';
import type { PortalIdentity } from '../modules/portal/portal-identity';
import type { ServerLocale } from './i18n/i18n';

/**
 * What every service call knows about the running request: who acts, for which tenant and purpose,
 * in which language. Built once by the HTTP edge and passed down explicitly, so that services stay
 * callable from jobs and tests without a web server.
 */
export interface RequestContext {
  requestId: string;
  locale: ServerLocale;
  ip: string | null;
  actor: Actor | null;
  /** The session may only set up the second factor that its organisation requires. */
  mfaPending: boolean;
  /** Set on portal routes: the newcomer signed in and the person whose portal it is. */
  portal?: PortalIdentity | undefined;
}

/** A context whose actor is known: what authenticated routes hand to services. */
export type ActorContext = RequestContext & { actor: Actor };
