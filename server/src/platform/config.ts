import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * Configuration is parsed once, from the environment, with embedded defaults: a bare start runs
 * on the embedded PostgreSQL (PGlite) in ./data. Production values (DATABASE_URL, a secret) are
 * explicit. See docs/operator-guide.md for every variable.
 */
/** A newcomer's upload (a photo or PDF of a proof) is refused above this size unless configured otherwise. */
export const DEFAULT_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_REPLICA_URL: z.string().url().optional(),
  KRUISPUNT_DATA_DIR: z.string().default('./data'),
  KRUISPUNT_PUBLIC_URL: z.string().url().optional(),
  KRUISPUNT_ADMIN_EMAIL: z.string().email().optional(),
  KRUISPUNT_ADMIN_PASSWORD: z.string().min(12).optional(),
  KRUISPUNT_SESSION_HOURS: z.coerce.number().positive().default(10),
  KRUISPUNT_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  KRUISPUNT_JOBS: z.enum(['on', 'off']).default('on'),
  KRUISPUNT_WEB_DIST: z.string().default('web/dist'),
  KRUISPUNT_PORTAL_DIST: z.string().default('portal/dist'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KRUISPUNT_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  KRUISPUNT_OIDC_ISSUER: z.string().url().optional(),
  KRUISPUNT_OIDC_CLIENT_ID: z.string().min(1).optional(),
  KRUISPUNT_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  KRUISPUNT_OIDC_SCOPE: z
    .string()
    .default('openid profile egovnrn')
    .refine((scope) => scope.split(/\s+/).includes('openid'), 'must include openid'),
  KRUISPUNT_OIDC_NATIONAL_NUMBER_CLAIM: z.string().min(1).default('egovNRN'),
  KRUISPUNT_OIDC_ACR_VALUES: z.string().min(1).optional(),
  KRUISPUNT_OIDC_LABEL: z.string().min(1).max(60).default('itsme / eID'),
  KRUISPUNT_UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(DEFAULT_UPLOAD_MAX_BYTES),
  KRUISPUNT_CLAMAV_URL: z
    .string()
    .regex(/^tcp:\/\/(\[[0-9a-fA-F:]+\]|[^/:[\]]+):\d{1,5}$/, 'must be tcp://host:port')
    .optional(),
});

export type AppConfig = {
  port: number;
  host: string;
  database: { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string };
  /** A PostgreSQL standby or copy that management reports read from; null: they read the primary. */
  replica: { kind: 'postgres'; url: string } | null;
  /** Behind a reverse proxy that sets X-Forwarded-For: only then is the client IP taken from it. */
  trustProxy: boolean;
  publicUrl: string;
  bootstrapAdmin: { email: string; password: string } | null;
  sessionTtlMs: number;
  cookieSecure: 'auto' | boolean;
  jobs: boolean;
  webDist: string;
  portalDist: string;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  /** The provider newcomers sign in with (eID, itsme through the federal authentication service); null: none. */
  portalOidc: PortalOidcConfig | null;
  uploads: UploadSettings;
};

/** Newcomers' uploads: the size limit, and the ClamAV daemon that scans every file when set. */
export interface UploadSettings {
  maxBytes: number;
  /** tcp://host:port of clamd; null: files are kept unscanned (marked so). */
  clamavUrl: string | null;
}

export interface PortalOidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Registered at the provider: where it sends the browser back to. */
  redirectUri: string;
  scope: string;
  /** The claim that carries the INSZ (rijksregisternummer or BIS number). */
  nationalNumberClaim: string;
  /** The assurance level asked for, e.g. urn:be:fedict:iam:fas:Level450 at the federal service. */
  acrValues: string | null;
  /** The sign-in button's text. */
  label: string;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (Boolean(e.KRUISPUNT_ADMIN_EMAIL) !== Boolean(e.KRUISPUNT_ADMIN_PASSWORD)) {
    throw new ConfigError('Set both KRUISPUNT_ADMIN_EMAIL and KRUISPUNT_ADMIN_PASSWORD, or neither.');
  }
  if (e.KRUISPUNT_OIDC_ISSUER && !(e.KRUISPUNT_OIDC_CLIENT_ID && e.KRUISPUNT_OIDC_CLIENT_SECRET)) {
    throw new ConfigError('KRUISPUNT_OIDC_ISSUER is set: set KRUISPUNT_OIDC_CLIENT_ID and KRUISPUNT_OIDC_CLIENT_SECRET too (the client registered at the provider).');
  }
  if (e.DATABASE_REPLICA_URL && !e.DATABASE_URL) {
    throw new ConfigError('DATABASE_REPLICA_URL is set but DATABASE_URL is not: a read replica needs PostgreSQL; the embedded database (PGlite) has none. Set DATABASE_URL or remove DATABASE_REPLICA_URL.');
  }
  const publicUrl = e.KRUISPUNT_PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: resolve(e.KRUISPUNT_DATA_DIR, 'pgdata') },
    replica: e.DATABASE_REPLICA_URL ? { kind: 'postgres', url: e.DATABASE_REPLICA_URL } : null,
    trustProxy: e.KRUISPUNT_TRUST_PROXY === 'true',
    publicUrl,
    bootstrapAdmin:
      e.KRUISPUNT_ADMIN_EMAIL && e.KRUISPUNT_ADMIN_PASSWORD
        ? { email: e.KRUISPUNT_ADMIN_EMAIL.toLowerCase(), password: e.KRUISPUNT_ADMIN_PASSWORD }
        : null,
    sessionTtlMs: e.KRUISPUNT_SESSION_HOURS * 3600_000,
    cookieSecure: e.KRUISPUNT_COOKIE_SECURE === 'auto' ? 'auto' : e.KRUISPUNT_COOKIE_SECURE === 'true',
    jobs: e.KRUISPUNT_JOBS === 'on',
    webDist: resolve(e.KRUISPUNT_WEB_DIST),
    portalDist: resolve(e.KRUISPUNT_PORTAL_DIST),
    logLevel: e.LOG_LEVEL,
    portalOidc:
      e.KRUISPUNT_OIDC_ISSUER && e.KRUISPUNT_OIDC_CLIENT_ID && e.KRUISPUNT_OIDC_CLIENT_SECRET
        ? {
            issuer: e.KRUISPUNT_OIDC_ISSUER,
            clientId: e.KRUISPUNT_OIDC_CLIENT_ID,
            clientSecret: e.KRUISPUNT_OIDC_CLIENT_SECRET,
            redirectUri: `${publicUrl.replace(/\/+$/, '')}/api/v1/portal/auth/oidc/callback`,
            scope: e.KRUISPUNT_OIDC_SCOPE,
            nationalNumberClaim: e.KRUISPUNT_OIDC_NATIONAL_NUMBER_CLAIM,
            acrValues: e.KRUISPUNT_OIDC_ACR_VALUES ?? null,
            label: e.KRUISPUNT_OIDC_LABEL,
          }
        : null,
    uploads: { maxBytes: e.KRUISPUNT_UPLOAD_MAX_BYTES, clamavUrl: e.KRUISPUNT_CLAMAV_URL ?? null },
  };
}
