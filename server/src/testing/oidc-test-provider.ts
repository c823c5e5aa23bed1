/**
 * A real OpenID Connect provider for tests (oidc-provider, no protocol mocks) on 127.0.0.1, so a
 * test drives it over HTTP and a browser reaches it too. Its development login and consent pages
 * (devInteractions) take any login and password: the login names a person of `people`, whose
 * claims the provider releases (the INSZ in `egovNRN`, as at the federal authentication service).
 */
import { createServer, type RequestListener } from 'node:http';
import Provider from 'oidc-provider';
import { listenOnLoopback } from './loopback';

/** The client Kruispunt is registered as. */
export const OIDC_TEST_CLIENT = { clientId: 'kruispunt-portal', clientSecret: 'a client secret known to both sides' } as const;

export interface OidcTestProvider {
  /** http://127.0.0.1:<port>: the issuer, for KRUISPUNT_OIDC_ISSUER. */
  issuer: string;
  client: typeof OIDC_TEST_CLIENT;
  /** The provider's people: login → the claims it releases (e.g. `{ egovNRN: insz, given_name }`); change at will. */
  people: Map<string, Record<string, string>>;
  close(): Promise<void>;
}

/**
 * Starts the provider with one client whose registered redirect URIs are `redirectUris` (exactly as
 * the platform sends them: `<KRUISPUNT_PUBLIC_URL>/api/v1/portal/auth/oidc/callback`).
 */
export async function startOidcTestProvider(opts: { redirectUris: string[] }): Promise<OidcTestProvider> {
  const people = new Map<string, Record<string, string>>();
  let handler: RequestListener = (_request, response) => response.end();
  const server = createServer((request, response) => handler(request, response));
  const port = await listenOnLoopback(server, () => server.address());
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_TEST_CLIENT.clientId,
        client_secret: OIDC_TEST_CLIENT.clientSecret,
        redirect_uris: opts.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], egovnrn: ['egovNRN'], profile: ['given_name', 'family_name'] },
    findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, ...people.get(id) }) }),
    cookies: { keys: ['a cookie signing key for the test provider'] },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    // The development login and consent pages: plain HTML forms, usable by fetch and by a browser alike.
    features: { devInteractions: { enabled: true } },
  });
  handler = provider.callback();
  return {
    issuer,
    client: OIDC_TEST_CLIENT,
    people,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A browser at the provider, over HTTP: follows its redirects with its cookies, fills in the
 * development login form with `login` (or, without one, takes the page's abort link) and agrees on
 * the consent page. Returns where the provider sends the browser back to (the first redirect to a
 * URL starting with `redirectUri`).
 */
export async function signInAtProvider(authorizationUrl: string, login: string | null, redirectUri: string): Promise<URL> {
  const cookies = new Map<string, string>();
  let url = authorizationUrl;
  let form: URLSearchParams | null = null;
  for (let step = 0; step < 12; step += 1) {
    const res: Response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(form ? { body: form } : {}),
    });
    form = null;
    for (const header of res.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const [name = '', value = ''] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (value) cookies.set(name, value);
      else cookies.delete(name);
    }
    const location = res.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.href.startsWith(redirectUri)) return next;
      url = next.href;
      continue;
    }
    const page = await res.text();
    if (res.status !== 200) throw new Error(`provider answered ${res.status}: ${page.slice(0, 500)}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
    if (!action || !prompt) throw new Error(`no form on the provider's page: ${page.slice(0, 500)}`);
    url = new URL(action, url).href;
    if (prompt === 'login' && login === null) url = `${url}/abort`;
    else form = new URLSearchParams(prompt === 'login' ? { prompt, login: login!, password: 'whatever the development login accepts' } : { prompt });
  }
  throw new Error('the provider never sent the browser back');
}
