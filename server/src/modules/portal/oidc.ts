/**
 * OpenID Connect for the newcomer's portal: the authorization code flow with PKCE (S256), state and
 * nonce, against the provider the configuration names: the federal authentication service
 * (FAS/CSAM: eID, itsme) in production, a local provider in the tests. openid-client checks the
 * provider's answers (issuer, audience, signature, expiry, nonce, state); this file says what to
 * ask for and which claim carries the INSZ.
 */
import * as client from 'openid-client';
import type { PortalOidcConfig } from '../../platform/config';

/** What must be kept until the provider sends the browser back. */
export interface OidcChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface OidcIdentity {
  /** Issuer and subject (`issuer|sub`): who the provider says this is, the same at every sign-in. */
  subject: string;
  /** The INSZ claim as the provider sent it, or null when it was not released. */
  nationalNumber: string | null;
}

export interface OidcSignIn {
  readonly label: string;
  /** The provider's authorization URL to send the browser to, and the checks to keep. */
  begin(locale: string): Promise<OidcChecks & { url: URL }>;
  /** Exchanges the code of the callback; throws when the provider's answer does not hold. */
  finish(callbackQuery: URLSearchParams, checks: OidcChecks): Promise<OidcIdentity>;
}

// Plain HTTP only for a provider on this machine (development, tests): openid-client refuses it elsewhere.
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

const claimText = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

export function oidcSignIn(settings: PortalOidcConfig): OidcSignIn {
  const issuer = new URL(settings.issuer);
  const options = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname) ? { execute: [client.allowInsecureRequests] } : undefined;
  let discovered: Promise<client.Configuration> | null = null;
  // Discovered at the first sign-in, not at start, so the platform starts while the provider is
  // down; a failed discovery is forgotten and tried again at the next sign-in.
  const configuration = () =>
    (discovered ??= client.discovery(issuer, settings.clientId, settings.clientSecret, undefined, options).catch((error: unknown) => {
      discovered = null;
      throw error;
    }));

  return {
    label: settings.label,

    async begin(locale) {
      const config = await configuration();
      const checks = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: settings.scope,
        code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: 'S256',
        state: checks.state,
        nonce: checks.nonce,
        // The provider's pages in the portal's language where it has it.
        ui_locales: locale,
        ...(settings.acrValues ? { acr_values: settings.acrValues } : {}),
      });
      return { ...checks, url };
    },

    async finish(callbackQuery, checks) {
      const config = await configuration();
      // The redirect URI as registered, not as this request saw it: behind a proxy the two differ,
      // and the token request must repeat the registered one.
      const current = new URL(settings.redirectUri);
      current.search = callbackQuery.toString();
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims()!;
      let nationalNumber = claimText(claims[settings.nationalNumberClaim]);
      // Many providers keep the ID token small and release the scopes' claims at the userinfo endpoint.
      if (nationalNumber === null && config.serverMetadata().userinfo_endpoint) {
        const userInfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
        nationalNumber = claimText(userInfo[settings.nationalNumberClaim]);
      }
      return { subject: `${claims.iss}|${claims.sub}`, nationalNumber };
    },
  };
}
