import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AgentProfile } from '@roost/contracts';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { GatewayHarness } from '../testing/gateway-harness';

const ISSUER = 'https://idp.test/';
const AUDIENCE = 'roost-api';
const KID = 'test-key-1';
const ME = '{ me { id role initials } }';

/** A JWKS endpoint as an identity provider publishes it, on a free local port. */
async function serveJwks(publicKey: KeyLike): Promise<{ url: string; server: Server }> {
  const jwk = { ...(await exportJWK(publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`, server };
}

describe('identity provider tokens (RS256 against a JWKS), on HTTP and graphql-ws', () => {
  let gw: GatewayHarness;
  let jwks: Server;
  let signingKey: KeyLike;
  let otherKey: KeyLike;

  /** A token as the IdP would issue it for `agent`; every part can be overridden to make it wrong. */
  const idpToken = async (
    agent: AgentProfile,
    opts: {
      key?: KeyLike;
      issuer?: string;
      audience?: string;
      expiresIn?: string | number;
      claims?: Record<string, unknown>;
    } = {},
  ): Promise<string> => {
    const now = Math.floor(Date.now() / 1000);

    return new SignJWT({ brand_id: agent.brandId, roost_role: agent.role, ...opts.claims })
      .setProtectedHeader({ alg: 'RS256', kid: KID })
      .setSubject(agent.id)
      .setIssuer(opts.issuer ?? ISSUER)
      .setAudience(opts.audience ?? AUDIENCE)
      .setIssuedAt(now - 120)
      .setExpirationTime(opts.expiresIn ?? '1h')
      .sign(opts.key ?? signingKey);
  };

  beforeAll(async () => {
    otherKey = (await generateKeyPair('RS256')).privateKey;
    const pair = await generateKeyPair('RS256');
    signingKey = pair.privateKey;
    const served = await serveJwks(pair.publicKey);
    jwks = served.server;
    gw = await GatewayHarness.start({
      env: { AUTH_JWKS_URL: served.url, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE },
    });
  });

  afterAll(async () => {
    await gw?.close();
    jwks?.close();
  });

  it('accepts a valid IdP token on both transports, with the agent’s queues and initials from routing', async () => {
    const { supA } = gw.fx;
    const token = await idpToken(supA);
    const http = await gw.http(ME, { token });

    expect(http.body).toEqual({ data: { me: { id: supA.id, role: 'SUPERVISOR', initials: supA.initials } } });
    const socket = gw.socket(token);
    expect(await socket.execute({ query: ME })).toEqual(http.body);
    await socket.dispose();
  });

  it('still accepts the demo HS256 tokens alongside', async () => {
    const res = await gw.http(ME, { token: gw.token(gw.fx.agentA) });

    expect(res.body.errors).toBeUndefined();
  });

  describe.each([
    [
      'expired',
      () => idpToken(gw.fx.agentA, { expiresIn: Math.floor(Date.now() / 1000) - 60 }),
      'EXPIRED',
      4401,
      'Unauthorized: token expired',
    ],
    [
      'from another issuer',
      () => idpToken(gw.fx.agentA, { issuer: 'https://evil.test/' }),
      'INVALID',
      4403,
      'Forbidden: invalid token',
    ],
    [
      'for another audience',
      () => idpToken(gw.fx.agentA, { audience: 'someone-else' }),
      'INVALID',
      4403,
      'Forbidden: invalid token',
    ],
    [
      'forged (signed by a key the IdP does not publish)',
      () => idpToken(gw.fx.agentA, { key: otherKey }),
      'INVALID',
      4403,
      'Forbidden: invalid token',
    ],
    [
      'naming a role that does not exist',
      () => idpToken(gw.fx.agentA, { claims: { roost_role: 'owner' } }),
      'INVALID',
      4403,
      'Forbidden: invalid token',
    ],
    // agentA's id with brand B's id: the agent is not in that brand, so the token gives nothing there.
    [
      'claiming another brand for the agent',
      () => idpToken(gw.fx.agentA, { claims: { brand_id: gw.fx.agentB.brandId } }),
      'INVALID',
      4403,
      'Forbidden: invalid token',
    ],
  ])('a token %s', (_what, token, reason, closeCode, closeReason) => {
    it('is refused with UNAUTHENTICATED over HTTP', async () => {
      const res = await gw.http(ME, { token: await token() });

      expect(res.body.data).toBeNull();
      expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', details: { reason } });
    });

    it(`closes the socket with ${closeCode}`, async () => {
      await expect(gw.socket(await token()).closed).resolves.toEqual({
        code: closeCode,
        reason: closeReason,
      });
    });
  });

  it('refuses an HS256 token that names the IdP key id (no algorithm confusion)', async () => {
    const hs = await new SignJWT({ brand_id: gw.fx.supA.brandId, roost_role: 'admin' })
      .setProtectedHeader({ alg: 'HS256', kid: KID })
      .setSubject(gw.fx.supA.id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('guessed-secret'));
    const res = await gw.http(ME, { token: hs });

    expect(res.body.errors?.[0]?.extensions).toEqual({
      code: 'UNAUTHENTICATED',
      details: { reason: 'INVALID' },
    });
  });
});

describe('identity provider whose JWKS does not answer', () => {
  let gw: GatewayHarness;

  beforeAll(async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve)); // nothing listens on that port any more
    gw = await GatewayHarness.start({
      env: { AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks`, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE },
    });
  });

  afterAll(async () => {
    await gw?.close();
  });

  it('answers UPSTREAM_UNAVAILABLE on HTTP and 1013 Try Again Later on the socket, not a refusal', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({ brand_id: gw.fx.agentA.brandId, roost_role: 'agent' })
      .setProtectedHeader({ alg: 'RS256', kid: KID })
      .setSubject(gw.fx.agentA.id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('1h')
      .sign(privateKey);
    const res = await gw.http(ME, { token });

    expect(res.body.errors?.[0]?.extensions).toEqual({
      code: 'UPSTREAM_UNAVAILABLE',
      details: { reason: 'AUTH_UNAVAILABLE' },
    });
    await expect(gw.socket(token).closed).resolves.toEqual({
      code: 1013,
      reason: 'Try again later: credentials could not be verified',
    });
  });
});
