import { startXSim } from './x-sim.server';
import type { XSim } from './x-sim.server';

describe('POST /sim/tweets/batch', () => {
  let sim: XSim;

  beforeEach(async () => {
    sim = await startXSim({ seedBrands: true });
  });

  afterEach(() => sim.close());

  const post = (body: unknown) =>
    fetch(`${sim.url}/sim/tweets/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('injects every tweet in order and returns their ids', async () => {
    const res = await post({
      tweets: [
        { text: '@acmecares first', authorHandle: 'ann' },
        { text: '@acmecares second', authorHandle: 'ben' },
      ],
    });
    expect(res.status).toBe(201);
    const { ids } = (await res.json()) as { ids: string[] };
    expect(ids).toHaveLength(2);
    expect(BigInt(ids[1] ?? '0') > BigInt(ids[0] ?? '0')).toBe(true);
    expect(sim.store.tweet(ids[0] ?? '')?.text).toBe('@acmecares first');
  });

  it('refuses an empty or oversize batch', async () => {
    expect((await post({ tweets: [] })).status).toBe(400);
    const many = Array.from({ length: 1001 }, (_, i) => ({ text: `t${i}`, authorHandle: 'ann' }));
    expect((await post({ tweets: many })).status).toBe(400);
  });
});
