import { Rpc } from '@roost/contracts';
import jwt from 'jsonwebtoken';
import { FIXTURE_PASSWORD } from '../testing/fake-upstream';
import { GatewayHarness } from '../testing/gateway-harness';

const LOGIN = `mutation($email: String!, $password: String!) {
  login(email: $email, password: $password) { token expiresAt agent { id name email role initials } }
}`;
const ME = '{ me { id name role initials } }';

describe('gateway authentication (HTTP and graphql-ws)', () => {
  let gw: GatewayHarness;

  beforeAll(async () => {
    gw = await GatewayHarness.start();
  });

  afterAll(async () => {
    await gw.close();
  });

  it('logs in through Rpc.Login and signs an HS256 token with the agreed claims', async () => {
    const { agentA } = gw.fx;
    const res = await gw.http<{ login: { token: string; expiresAt: string; agent: Record<string, string> } }>(
      LOGIN,
      {
        variables: { email: agentA.email, password: FIXTURE_PASSWORD },
      },
    );

    expect(res.body.errors).toBeUndefined();
    const login = res.body.data!.login;
    expect(login.agent).toEqual({
      id: agentA.id,
      name: agentA.name,
      email: agentA.email,
      role: 'AGENT',
      initials: agentA.initials,
    });
    const claims = jwt.verify(login.token, gw.env.jwtSecret, { algorithms: ['HS256'] }) as Record<
      string,
      unknown
    >;
    expect(claims).toMatchObject({
      sub: agentA.id,
      brandId: agentA.brandId,
      role: 'agent',
      initials: agentA.initials,
      queueIds: agentA.queueIds,
    });
    expect(new Date(login.expiresAt).getTime()).toBe((claims['exp'] as number) * 1000);
    expect(gw.upstream.last(Rpc.Login)).toEqual({ email: agentA.email, password: FIXTURE_PASSWORD });

    const me = await gw.http(ME, { token: login.token });
    expect(me.body).toEqual({
      data: { me: { id: agentA.id, name: agentA.name, role: 'AGENT', initials: agentA.initials } },
    });
  });

  it('passes routing’s refusal through as UNAUTHENTICATED', async () => {
    const res = await gw.http(LOGIN, { variables: { email: gw.fx.agentA.email, password: 'wrong' } });

    expect(res.body.data).toBeNull();
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });

  it('rate-limits login per e-mail and IP', async () => {
    const email = gw.fx.supA.email;
    const codes: unknown[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await gw.http(LOGIN, { variables: { email, password: 'wrong' } });
      codes.push(res.body.errors?.[0]?.extensions?.['code']);
    }

    expect(codes).toEqual([
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'RATE_LIMITED',
    ]);
    const blocked = await gw.http(LOGIN, { variables: { email, password: FIXTURE_PASSWORD } });
    expect(blocked.body.errors?.[0]?.extensions?.['details']).toMatchObject({ reason: 'LOGIN_RATE_LIMITED' });
    // Another e-mail from the same IP is not affected.
    const other = await gw.http(LOGIN, {
      variables: { email: gw.fx.agentB.email, password: FIXTURE_PASSWORD },
    });
    expect(other.body.errors).toBeUndefined();
  });

  describe('over HTTP', () => {
    it.each([
      ['no token', () => undefined, 'MISSING'],
      ['a forged token', () => gw.token(gw.fx.agentA, { secret: 'not-the-secret' }), 'INVALID'],
      ['an expired token', () => gw.token(gw.fx.agentA, { ttlSeconds: -60 }), 'EXPIRED'],
      ['a malformed token', () => 'not.a.jwt', 'INVALID'],
    ])('refuses %s with UNAUTHENTICATED', async (_what, token, reason) => {
      const res = await gw.http(ME, { token: token() });

      expect(res.body.data).toBeNull();
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', details: { reason } });
    });

    it('refuses a token signed with another algorithm', async () => {
      const { agentA } = gw.fx;
      const none = jwt.sign({ brandId: agentA.brandId, role: 'admin', initials: 'X', queueIds: [] }, '', {
        algorithm: 'none',
        subject: agentA.id,
      });
      const res = await gw.http(ME, { token: none });

      expect(res.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    });
  });

  describe('over graphql-ws', () => {
    it('accepts a valid token in connection_init and runs queries with it', async () => {
      const socket = gw.socket(gw.token(gw.fx.agentA));
      await socket.connected;
      const res = await socket.execute({ query: ME });

      expect(res).toEqual({ data: { me: expect.objectContaining({ id: gw.fx.agentA.id }) } });
      await socket.dispose();
    });

    it('closes a socket without a token with 4401 Unauthorized', async () => {
      await expect(gw.socket().closed).resolves.toEqual({ code: 4401, reason: 'Unauthorized' });
    });

    it('closes a socket with a forged token with 4403 Forbidden', async () => {
      const socket = gw.socket(gw.token(gw.fx.agentA, { secret: 'not-the-secret' }));

      await expect(socket.closed).resolves.toEqual({ code: 4403, reason: 'Forbidden: invalid token' });
    });

    it('closes a socket with an expired token with 4401', async () => {
      const socket = gw.socket(gw.token(gw.fx.agentA, { ttlSeconds: -60 }));

      await expect(socket.closed).resolves.toEqual({ code: 4401, reason: 'Unauthorized: token expired' });
    });

    it('closes a live socket when its token expires', async () => {
      const socket = gw.socket(gw.token(gw.fx.agentA, { ttlSeconds: 2 }));
      await socket.connected;

      await expect(socket.closed).resolves.toEqual({ code: 4401, reason: 'Token expired' });
    });
  });
});
