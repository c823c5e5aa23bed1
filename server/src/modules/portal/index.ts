/** The portal module's door: what the platform and other modules may use. */
export { registerPortalIdentityRoutes } from './portal-identity.routes';
export { startPortalSession, findAccountOfPerson, PORTAL_LOCALES, type PortalContext, type PortalLocale } from './portal-identity';
