import { z } from 'zod';
import { PERMISSIONS, PURPOSES, ROLES } from './roles';

export const roleSchema = z.enum(ROLES);
export const purposeSchema = z.enum(PURPOSES);
export const localeSchema = z.enum(['nl', 'en']);
export const emailSchema = z.email().max(320);
/** New passwords: long rather than complex (NIST SP 800-63B). */
export const newPasswordSchema = z.string().min(12).max(200);

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    roles: z.array(roleSchema),
    locale: localeSchema,
    organisation: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(['agency', 'partner']) }),
    tenantId: z.uuid(),
    mfaEnabled: z.boolean(),
    lockedUntil: z.string().nullable(),
    disabled: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'User' });

export const signInBody = z
  .object({
    email: emailSchema,
    password: z.string().min(1).max(1000),
    totpCode: z.string().regex(/^\d{6}$/).optional(),
  })
  .strict();

export const signInResponse = z.object({
  token: z.string().describe('Session token; send as `Authorization: Bearer` from scripts instead of the cookie.'),
  csrfToken: z.string().describe('Send as X-CSRF-Token on writes authenticated by the cookie.'),
  expiresAt: z.string(),
  mfaSetupRequired: z.boolean(),
  user: userSchema,
});

export const sessionInfoResponse = z.object({
  user: userSchema.nullable(),
  mfaSetupRequired: z.boolean(),
  purpose: purposeSchema,
  allowedPurposes: z.array(purposeSchema),
  permissions: z.array(z.enum(PERMISSIONS)),
});

export const sessionListResponse = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      createdAt: z.string(),
      expiresAt: z.string(),
      lastSeenAt: z.string(),
      userAgent: z.string().nullable(),
      ip: z.string().nullable(),
      current: z.boolean(),
    }),
  ),
});

export const idParams = z.object({ id: z.uuid() }).strict();

export const createUserBody = z
  .object({
    email: emailSchema,
    displayName: z.string().trim().min(1).max(200),
    organisationId: z.uuid(),
    roles: z.array(roleSchema).min(1).max(ROLES.length),
    password: newPasswordSchema,
    locale: localeSchema.default('nl'),
  })
  .strict();

export const updateUserBody = z
  .object({
    displayName: z.string().trim().min(1).max(200).optional(),
    roles: z.array(roleSchema).min(1).max(ROLES.length).optional(),
    locale: localeSchema.optional(),
    disabled: z.boolean().optional(),
    password: newPasswordSchema.optional(),
    unlock: z.literal(true).optional(),
    resetMfa: z.literal(true).optional(),
  })
  .strict();

export const organisationSchema = z
  .object({
    id: z.uuid(),
    tenantId: z.uuid(),
    kind: z.enum(['agency', 'partner']),
    partnerType: z.string().nullable(),
    code: z.string(),
    name: z.string(),
    requiresMfa: z.boolean(),
  })
  .meta({ id: 'Organisation' });

export const PARTNER_TYPES = ['employment-service', 'social-services', 'dutch-course-provider', 'local-government', 'interpreter-customer', 'other'] as const;

export const createOrganisationBody = z
  .object({
    code: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/),
    name: z.string().trim().min(1).max(200),
    partnerType: z.enum(PARTNER_TYPES),
    requiresMfa: z.boolean().default(false),
  })
  .strict();

export const updateOrganisationBody = z
  .object({ name: z.string().trim().min(1).max(200).optional(), requiresMfa: z.boolean().optional() })
  .strict();

export const apiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    organisationId: z.uuid(),
    purpose: purposeSchema,
    roles: z.array(roleSchema),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });

export const issueApiTokenBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    organisationId: z.uuid(),
    purpose: purposeSchema,
    roles: z.array(roleSchema).min(1).max(ROLES.length),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

export const setupBody = z
  .object({
    token: z.string().min(10).max(200),
    email: emailSchema,
    displayName: z.string().trim().min(1).max(200),
    password: newPasswordSchema,
  })
  .strict();

export const auditEventSchema = z
  .object({
    id: z.string(),
    occurredAt: z.string(),
    actor: z.object({
      userId: z.uuid().nullable(),
      displayName: z.string().nullable(),
      tokenName: z.string().nullable(),
      organisationName: z.string().nullable(),
      roles: z.array(z.string()),
    }),
    purpose: z.string(),
    action: z.string(),
    subjectType: z.string(),
    subjectId: z.string().nullable(),
    summary: z.string(),
  })
  .meta({ id: 'AuditEvent' });

export const auditExportQuery = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .strict();
