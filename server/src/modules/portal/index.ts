/** The portal module's door: what the platform and other modules may use. */
export { registerPortalIdentityRoutes } from './portal-identity.routes';
export { registerPortalSignInRoutes } from './portal-sign-in.routes';
export { registerPortalDataRoutes } from './portal-data.routes';
export { oidcSignIn } from './oidc';
export { portalSignInCleanupJob } from './portal-sign-in.jobs';
export type { PortalSignInDeps } from './portal-sign-in';
export { startPortalSession, findAccountOfPerson, PORTAL_LOCALES, type PortalContext, type PortalLocale } from './portal-identity';
