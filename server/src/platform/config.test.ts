import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const OIDC = { KRUISPUNT_OIDC_ISSUER: 'https://idp.iamfas.int.belgium.be/fas/oauth2', KRUISPUNT_OIDC_CLIENT_ID: 'kruispunt', KRUISPUNT_OIDC_CLIENT_SECRET: 's3cret' };

describe('portal OpenID Connect configuration', () => {
  it('is off without an issuer, with defaults for the federal authentication service when set', () => {
    expect(loadConfig({}).portalOidc).toBeNull();
    expect(loadConfig({ ...OIDC, KRUISPUNT_PUBLIC_URL: 'https://kruispunt.example.be/' }).portalOidc).toEqual({
      issuer: OIDC.KRUISPUNT_OIDC_ISSUER,
      clientId: 'kruispunt',
      clientSecret: 's3cret',
      redirectUri: 'https://kruispunt.example.be/api/v1/portal/auth/oidc/callback',
      scope: 'openid profile egovnrn',
      nationalNumberClaim: 'egovNRN',
      acrValues: null,
      label: 'itsme / eID',
    });
  });

  it('fails fast on an issuer without its client, and on a scope without openid', () => {
    expect(() => loadConfig({ KRUISPUNT_OIDC_ISSUER: OIDC.KRUISPUNT_OIDC_ISSUER, KRUISPUNT_OIDC_CLIENT_ID: 'kruispunt' })).toThrow(ConfigError);
    expect(() => loadConfig({ KRUISPUNT_OIDC_ISSUER: OIDC.KRUISPUNT_OIDC_ISSUER })).toThrow(/KRUISPUNT_OIDC_CLIENT_ID and KRUISPUNT_OIDC_CLIENT_SECRET/);
    expect(() => loadConfig({ ...OIDC, KRUISPUNT_OIDC_SCOPE: 'profile egovnrn' })).toThrow(/KRUISPUNT_OIDC_SCOPE: must include openid/);
  });
});
