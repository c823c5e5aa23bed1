/** The access module's door: what other modules may use. */
export { recordAudit, listSubjectAccess, listAccessToSubjects, auditEventView } from './audit';
export { requirePermission } from './administration.service';
export { scopeOf, type AccessDeps, type Clock } from './access.service';
export { can, type Actor, type Permission, type Purpose, type Role } from './roles';
export { auditEventSchema } from './access.schema';
export { registerSessionRoutes } from './routes/session.routes';
export { registerAdministrationRoutes } from './routes/administration.routes';
export { registerSetupRoutes } from './routes/setup.routes';
export { registerAuditRoutes } from './routes/audit.routes';
