import { DEMO } from '@roost/config';
import { eventually } from '@roost/testing';
import { GatewayHarness } from '../testing/gateway-harness';
import { startRealRouting, type RealRouting } from '../testing/real-routing';

const CREATE =
  'mutation($agent: CreateAgentInput!) { createAgent(agent: $agent) { initialPassword agent { id email active } } }';
const LOGIN =
  'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token agent { id } } }';
const CHANGE =
  'mutation($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) { token expiresAt agent { id active } } }';
const DEACTIVATE = 'mutation($id: ID!) { deactivateAgent(id: $id) { id active status } }';
const REACTIVATE = 'mutation($id: ID!) { reactivateAgent(id: $id) { id active status } }';
const RESET = 'mutation($id: ID!) { resetAgentPassword(id: $id) { oneTimePassword agent { id active } } }';
const ME = '{ me { id } }';
const NEW_PASSWORD = 'a much longer passphrase';

type Errors = ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> | undefined;

// Spawns the real routing service (its main.ts): slower to start than jest's 5 s default allows.
jest.setTimeout(90_000);

describe('agent access lifecycle through the gateway, against the real routing service', () => {
  let routing: RealRouting;
  let gw: GatewayHarness;
  let admin: string;

  beforeAll(async () => {
    routing = await startRealRouting();
    gw = await GatewayHarness.start({ serve: false, env: routing.gatewayEnv });
    admin = gw.token(await routing.agent('admin'));
  });

  afterAll(async () => {
    await routing?.stop();
    await gw?.close();
  });

  /** A new agent of the demo brand, signed in with the initial password. */
  async function newAgent(): Promise<{ id: string; email: string; password: string; token: string }> {
    const email = `access.${Math.random().toString(36).slice(2)}@acme.example`;
    const created = await gw.http<{
      createAgent: { initialPassword: string; agent: { id: string; active: boolean } };
    }>(CREATE, {
      token: admin,
      variables: { agent: { email, name: 'Ada Access', initials: 'AA', queueIds: [DEMO.queues.careEn.id] } },
    });
    expect(created.body.errors).toBeUndefined();
    const { agent, initialPassword } = created.body.data!.createAgent;
    expect(agent.active).toBe(true);
    const token = await login(gw, email, initialPassword);
    if (!token) throw new Error('initial password refused');

    return { id: agent.id, email, password: initialPassword, token };
  }

  async function login(g: GatewayHarness, email: string, password: string): Promise<string | null> {
    const res = await g.http<{ login: { token: string } }>(LOGIN, { variables: { email, password } });

    return res.body.data?.login.token ?? null;
  }

  const firstError = (errors: Errors) => errors?.[0]?.extensions;

  it('changes the own password: wrong current refused, old password and every older token refused (HTTP and sockets), new ones accepted', async () => {
    const ada = await newAgent();
    const socket = gw.socket(ada.token);
    await socket.connected;

    const wrong = await gw.http(CHANGE, {
      token: ada.token,
      variables: { current: 'not my password', next: NEW_PASSWORD },
    });
    expect(firstError(wrong.body.errors)).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'currentPassword', reason: 'WRONG_PASSWORD' },
    });
    const short = await gw.http(CHANGE, {
      token: ada.token,
      variables: { current: ada.password, next: 'too short' },
    });
    expect(firstError(short.body.errors)).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'newPassword', reason: 'PASSWORD_LENGTH' },
    });
    const same = await gw.http(CHANGE, {
      token: ada.token,
      variables: { current: ada.password, next: ada.password },
    });
    expect(firstError(same.body.errors)).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'newPassword', reason: 'PASSWORD_UNCHANGED' },
    });

    const changed = await gw.http<{
      changePassword: { token: string; expiresAt: string; agent: { id: string } };
    }>(CHANGE, {
      token: ada.token,
      variables: { current: ada.password, next: NEW_PASSWORD },
    });
    expect(changed.body.errors).toBeUndefined();
    const fresh = changed.body.data!.changePassword.token;
    expect(changed.body.data!.changePassword.agent.id).toBe(ada.id);

    await expect(socket.closed).resolves.toEqual({ code: 4401, reason: 'Unauthorized: token revoked' });
    const old = await gw.http(ME, { token: ada.token });
    expect(firstError(old.body.errors)).toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'REVOKED' },
    });
    await expect(gw.socket(ada.token).closed).resolves.toEqual({
      code: 4401,
      reason: 'Unauthorized: token revoked',
    });

    // The answered token carries on, on both transports.
    expect((await gw.http<{ me: { id: string } }>(ME, { token: fresh })).body.data?.me.id).toBe(ada.id);
    const again = gw.socket(fresh);
    await again.connected;
    expect((await again.execute<{ me: { id: string } }>({ query: ME })).data?.me.id).toBe(ada.id);

    expect(await login(gw, ada.email, ada.password)).toBeNull();
    const relogged = await login(gw, ada.email, NEW_PASSWORD);
    expect(relogged).not.toBeNull();
    expect((await gw.http<{ me: { id: string } }>(ME, { token: relogged! })).body.data?.me.id).toBe(ada.id);
  });

  it('refuses a password change to API-key callers', async () => {
    const key = await gw.http<{ createApiKey: { secret: string } }>(
      'mutation { createApiKey(name: "crm", role: ADMIN) { secret } }',
      { token: admin },
    );
    expect(key.body.errors).toBeUndefined();
    const res = await gw.http(CHANGE, {
      headers: { 'x-api-key': key.body.data!.createApiKey.secret },
      variables: { current: 'whatever it is', next: NEW_PASSWORD },
    });
    expect(firstError(res.body.errors)).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'AGENT_REQUIRED' },
    });
  });

  it('deactivation refuses login, the existing token and closes the socket; reactivation allows login again', async () => {
    const bea = await newAgent();
    const socket = gw.socket(bea.token);
    await socket.connected;

    const off = await gw.http<{ deactivateAgent: { id: string; active: boolean; status: string } }>(
      DEACTIVATE,
      { token: admin, variables: { id: bea.id } },
    );
    expect(off.body.errors).toBeUndefined();
    expect(off.body.data!.deactivateAgent).toEqual({ id: bea.id, active: false, status: 'OFFLINE' });

    await expect(socket.closed).resolves.toEqual({ code: 4401, reason: 'Unauthorized: token revoked' });
    const me = await gw.http(ME, { token: bea.token });
    expect(firstError(me.body.errors)).toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'REVOKED' },
    });
    // The same answer as a wrong password: an outsider learns nothing about the account.
    const refused = await gw.http(LOGIN, { variables: { email: bea.email, password: bea.password } });
    const wrong = await gw.http(LOGIN, { variables: { email: bea.email, password: 'wrong password!' } });
    expect(refused.body.errors?.[0]).toEqual(wrong.body.errors?.[0]);
    expect(firstError(refused.body.errors)).toMatchObject({ code: 'UNAUTHENTICATED' });

    // A gateway started after the deactivation knows it too (the revocation list is read at start).
    const late = await GatewayHarness.start({ serve: false, env: routing.gatewayEnv });
    try {
      const there = await late.http(ME, { token: bea.token });
      expect(firstError(there.body.errors)).toMatchObject({
        code: 'UNAUTHENTICATED',
        details: { reason: 'REVOKED' },
      });
    } finally {
      // Not late.close(): that cleans the namespace, which routing and the first gateway still use.
      await late.app.close();
      await late.nats.drain();
    }

    const on = await gw.http<{ reactivateAgent: { active: boolean; status: string } }>(REACTIVATE, {
      token: admin,
      variables: { id: bea.id },
    });
    expect(on.body.data!.reactivateAgent).toEqual({ id: bea.id, active: true, status: 'OFFLINE' });
    const token = await login(gw, bea.email, bea.password);
    expect(token).not.toBeNull();
    expect((await gw.http<{ me: { id: string } }>(ME, { token: token! })).body.data?.me.id).toBe(bea.id);
    // Tokens from before the deactivation stay refused.
    await eventually(
      async () =>
        firstError((await gw.http(ME, { token: bea.token })).body.errors)?.['code'] === 'UNAUTHENTICATED',
      {
        timeoutMs: 2_000,
        what: 'the old token still refused',
      },
    );
  });

  it('resets a password: the one-time password signs in, the old password and token are refused', async () => {
    const cid = await newAgent();
    const reset = await gw.http<{ resetAgentPassword: { oneTimePassword: string; agent: { id: string } } }>(
      RESET,
      { token: admin, variables: { id: cid.id } },
    );
    expect(reset.body.errors).toBeUndefined();
    const otp = reset.body.data!.resetAgentPassword.oneTimePassword;
    expect(otp.length).toBeGreaterThanOrEqual(12);
    await eventually(
      async () =>
        firstError((await gw.http(ME, { token: cid.token })).body.errors)?.['code'] === 'UNAUTHENTICATED',
      {
        timeoutMs: 5_000,
        what: 'the token issued before the reset refused',
      },
    );
    expect(await login(gw, cid.email, cid.password)).toBeNull();
    expect(await login(gw, cid.email, otp)).not.toBeNull();
  });

  it('lets only admins deactivate, never themselves, and only their brand’s agents', async () => {
    const dee = await newAgent();
    for (const role of ['supervisor', 'agent'] as const) {
      const res = await gw.http(DEACTIVATE, {
        token: gw.token(await routing.agent(role)),
        variables: { id: dee.id },
      });
      expect(firstError(res.body.errors)).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'ROLE' } });
    }
    const selfAdmin = await routing.agent('admin');
    const self = await gw.http(DEACTIVATE, { token: gw.token(selfAdmin), variables: { id: selfAdmin.id } });
    expect(firstError(self.body.errors)).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'OWN_ACCOUNT' },
    });
    const selfReset = await gw.http(RESET, { token: gw.token(selfAdmin), variables: { id: selfAdmin.id } });
    expect(firstError(selfReset.body.errors)).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'OWN_ACCOUNT' },
    });

    const adminB = gw.token(await routing.agent('admin', await routing.newBrand()));
    for (const query of [DEACTIVATE, RESET, REACTIVATE]) {
      const res = await gw.http(query, { token: adminB, variables: { id: dee.id } });
      expect(firstError(res.body.errors)).toMatchObject({ code: 'NOT_FOUND' });
    }
    // Still active and signed in.
    expect((await gw.http<{ me: { id: string } }>(ME, { token: dee.token })).body.data?.me.id).toBe(dee.id);
  });
});
