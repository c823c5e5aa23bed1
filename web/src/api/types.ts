/** Types of the Kruispunt API v1, as agreed in the API contract. */

// The server's permission registry is pure data: the web app uses the same lists, so they cannot drift.
export { PURPOSES, ROLES, type Permission, type Purpose, type Role } from '../../../server/src/modules/access/roles';

export type UiLocale = 'nl' | 'en';

export interface Organisation {
  id: string;
  tenantId: string;
  kind: 'agency' | 'partner' | string;
  partnerType: string | null;
  code: string;
  name: string;
  requiresMfa: boolean;
}

export interface User {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  locale: UiLocale;
  organisation: { id: string; name: string; kind: string };
  tenantId: string;
  mfaEnabled: boolean;
  lockedUntil: string | null;
  disabled: boolean;
  version: number;
}

export interface SessionInfo {
  /** Null for a session that is not a user's (not expected in the web app). */
  user: User | null;
  mfaSetupRequired: boolean;
  purpose: string;
  allowedPurposes: string[];
  permissions: string[];
}

export interface SignInResponse {
  token: string;
  csrfToken: string;
  expiresAt: string;
  mfaSetupRequired: boolean;
  user: User;
}

export interface SessionItem {
  id: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
  userAgent: string | null;
  ip: string | null;
  current: boolean;
}

export interface MfaSetup {
  secret: string;
  otpauthUri: string;
}

export interface ApiToken {
  id: string;
  name: string;
  organisationId: string;
  purpose: string;
  roles: string[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface IssuedApiToken extends ApiToken {
  token: string;
}

export interface PersonSummary {
  id: string;
  givenNames: string;
  familyName: string;
  givenNamesLatin: string | null;
  familyNameLatin: string | null;
  birthDate: string | null;
  inszFormatted: string | null;
  municipalityName: string | null;
  region: string | null;
}

export interface DuplicateCandidate extends PersonSummary {
  score: number;
  reasons: string[];
}

export type Sex = 'female' | 'male' | 'x';

export interface AddressInput {
  street: string;
  houseNumber: string;
  box?: string | null;
  postalCode: string;
  municipalityNis: string;
}

export interface PersonInput {
  givenNames: string;
  familyName: string;
  /** Omit to let the server transliterate; the API does not accept null here. */
  givenNamesLatin?: string;
  familyNameLatin?: string;
  insz?: string | null;
  birthDate?: string | null;
  sex?: Sex | null;
  motherTongue?: string | null;
  contactLanguages?: string[];
  nationality?: string | null;
  address?: AddressInput | null;
  phone?: string | null;
  email?: string | null;
  acknowledgedDuplicateIds?: string[];
}

export interface Person {
  id: string;
  version: number;
  insz: string | null;
  inszFormatted: string | null;
  givenNames: string;
  familyName: string;
  givenNamesLatin: string | null;
  familyNameLatin: string | null;
  nameScript: string | null;
  birthDate: string | null;
  sex: Sex | null;
  motherTongue: string | null;
  contactLanguages: string[];
  nationality: string | null;
  address: (AddressInput & { box: string | null; municipalityName: string | null }) | null;
  region: string | null;
  responsibleAgency: string | null;
  phone: string | null;
  email: string | null;
  mergedIntoId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AccessLogEntry {
  id: string;
  occurredAt: string;
  actor: {
    userId: string | null;
    displayName: string | null;
    tokenName: string | null;
    organisationName: string | null;
    roles: string[];
  };
  purpose: string;
  action: string;
  summary: string | null;
}

export interface Municipality {
  nisCode: string;
  name: string;
  nameFr?: string | null;
  postalCodes: string[];
  region: string | null;
  agency: string | null;
}

export interface Language {
  code: string;
  name: string;
}

export interface Items<T> {
  items: T[];
}

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}
