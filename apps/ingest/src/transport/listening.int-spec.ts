import { randomUUID } from 'node:crypto';
import { ErrorCode, IngestRpc, type DomainError } from '@roost/contracts';
import { NatsClient, RpcClient, silentLogger } from '@roost/messaging';
import { APP_ROLE } from '@roost/database';
import { eventually } from '@roost/testing';
import { DataSource } from 'typeorm';
import { BrandDirectory } from '../accounts/brand-directory';
import { IngestTestBed } from '../testing/ingest-test-bed';

jest.setTimeout(60_000);

const BRAND = '0a9f2c1e-7b1d-4c55-9d3e-acbe00000001';

describe('listening management over request/reply', () => {
  let bed: IngestTestBed;
  let nats: NatsClient;
  let rpc: RpcClient;

  beforeAll(async () => {
    bed = await IngestTestBed.create({ INGEST_STREAM: 'true', INGEST_POLL_INTERVAL_MS: '600000' });
    await bed.startApp();
    nats = await NatsClient.connect({
      servers: bed.env.natsServers,
      name: 'rpc-test',
      namespace: bed.env.natsNamespace,
      log: silentLogger,
    });
    rpc = new RpcClient(nats, 5000);
    await eventually(() => bed.sim.stats().streamConnections === 1, { what: 'stream connected' });
  });

  afterAll(async () => {
    await nats?.drain();
    await bed?.close();
  });

  it('runs as the app role under row-level security (the demo brand was seeded and listened for through it)', async () => {
    const ds = bed.app!.get(DataSource);
    expect(await ds.query(`SELECT current_user AS u`)).toEqual([{ u: APP_ROLE }]);
    expect(await ds.query(`SELECT count(*)::int AS n FROM accounts`)).toEqual([{ n: 0 }]);
    expect(bed.app!.get(BrandDirectory).get(BRAND)?.accounts.length).toBe(2);
  });

  it('refuses agents: supervisors and admins only', async () => {
    const err = (await rpc
      .request(IngestRpc.GetListening, { brandId: BRAND, actorRole: 'agent' })
      .catch((e: unknown) => e)) as DomainError;
    expect(err.code).toBe(ErrorCode.Forbidden);
    const view = await rpc.request(IngestRpc.GetListening, { brandId: BRAND, actorRole: 'supervisor' });
    expect(view.accounts.map((a) => a.handle).sort()).toEqual(['acme', 'acmecares']);
    expect(view.rules.some((r) => r.kind === 'keyword' && r.value === 'acme')).toBe(true);
  });

  it('adds a rule, re-syncs the X stream rules by diff, and listens for it at once', async () => {
    const before = bed.sim.rules.list();
    const rule = await rpc.request(IngestRpc.AddRule, {
      brandId: BRAND,
      actorRole: 'admin',
      kind: 'keyword',
      value: 'Roadrunner',
    });
    expect(rule).toMatchObject({ brandId: BRAND, kind: 'keyword', value: 'Roadrunner', language: null });
    const after = bed.sim.rules.list();
    expect(after.some((r) => r.value.includes('Roadrunner'))).toBe(true);
    expect(after.length).toBe(before.length); // one rule replaced, not everything wiped and re-added
    const t = bed.sim.injectTweet({ text: 'the roadruner skates are sold out', authorHandle: 'coyote' });
    const row = await eventually(async () => (await bed.ledger()).find((r) => r.tweet_id === t.id), {
      what: 'new rule heard',
    }).catch(() => undefined);
    // "roadruner" is a generated variant in the X rule, and fuzzy-matched locally.
    expect(row?.payload.matchedRules.map((r) => r.tag)).toEqual(
      expect.arrayContaining([expect.stringMatching(/roadrun/)]),
    );

    // Another brand cannot remove it.
    expect(
      await rpc.request(IngestRpc.RemoveRule, {
        brandId: randomUUID(),
        actorRole: 'supervisor',
        id: rule.id,
      }),
    ).toEqual({ removed: false });
    expect(bed.sim.rules.list().some((r) => r.value.includes('Roadrunner'))).toBe(true);
    const removed = await rpc.request(IngestRpc.RemoveRule, {
      brandId: BRAND,
      actorRole: 'supervisor',
      id: rule.id,
    });
    expect(removed).toEqual({ removed: true });
    expect(bed.sim.rules.list().some((r) => r.value.includes('Roadrunner'))).toBe(false);
    // Removing it again finds nothing.
    expect(
      await rpc.request(IngestRpc.RemoveRule, { brandId: BRAND, actorRole: 'supervisor', id: rule.id }),
    ).toEqual({ removed: false });
  });

  it('adds and removes a brand account, resolving its X user id', async () => {
    bed.sim.registerBrand({ username: 'AcmeShop', apiTier: 'pro' });
    const acc = await rpc.request(IngestRpc.AddAccount, {
      brandId: BRAND,
      actorRole: 'admin',
      handle: '@AcmeShop',
      role: 'engagement',
    });
    expect(acc).toMatchObject({ handle: 'AcmeShop', pollDms: true, pollMentions: true });
    expect(acc.xUserId).toMatch(/^[0-9]+$/);
    expect(bed.sim.rules.list().some((r) => r.value.includes('@AcmeShop'))).toBe(true);
    expect(
      await rpc.request(IngestRpc.RemoveAccount, { brandId: BRAND, actorRole: 'admin', id: acc.id }),
    ).toEqual({ removed: true });
    expect(bed.sim.rules.list().some((r) => r.value.includes('@AcmeShop'))).toBe(false);
  });

  it('rejects invalid requests with BAD_USER_INPUT', async () => {
    const err = await nats.nc
      .request(
        nats.topology.rpcSubject(IngestRpc.AddRule.method),
        JSON.stringify({ brandId: BRAND, actorRole: 'admin', kind: 'nope', value: '' }),
      )
      .then((m) => JSON.parse(new TextDecoder().decode(m.data)) as { ok: boolean; error?: { code: string } });
    expect(err).toMatchObject({ ok: false, error: { code: ErrorCode.BadUserInput } });
  });
});
