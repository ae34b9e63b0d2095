import { eventually } from '@roost/testing';
import { startXSim } from '@roost/x-sim';
import type { XSim } from '@roost/x-sim';
import templates from './traffic-templates.json';
import { TrafficComposer } from './traffic-composer';
import { TrafficGenerator } from './traffic-generator';

describe('TrafficGenerator against an in-process sim', () => {
  let sim: XSim;

  beforeEach(async () => {
    sim = await startXSim({ seedBrands: true });
  });

  afterEach(() => sim.close());

  it('injects tweets that mention the brands, DMs to @acmecares, and thread replies to brand posts', () => {
    const gen = new TrafficGenerator(sim, new TrafficComposer(templates, 11));
    gen.step(300);
    const care = sim.store.userByUsername('acmecares')!;
    const mention = sim.store.allTweets().find((t) => t.entities?.mentions?.some((m) => m.id === care.id))!;
    sim.injectTweet({
      text: 'We are sorry, please DM us',
      authorHandle: 'acmecares',
      inReplyToTweetId: mention.id,
    });
    gen.step(400);

    const stats = sim.stats();
    expect(stats.tweets + stats.dms).toBe(701);
    expect(stats.dms).toBeGreaterThan(0);
    expect(sim.store.dmsOf(care.id).length).toBe(stats.dms);
    const threadReplies = sim.store.allTweets().filter((t) => t.in_reply_to_user_id === care.id);
    expect(threadReplies.length).toBeGreaterThan(0);
    expect(threadReplies[0].conversation_id).toBe(mention.id);
    expect(gen.emitted).toBe(700);
  });

  it('runs on a timer at the configured rate and stops', async () => {
    const gen = new TrafficGenerator(sim, new TrafficComposer(templates, 5));
    gen.start(100);
    await eventually(() => gen.emitted >= 5, { timeoutMs: 5000, what: 'generated traffic' });
    gen.stop();
    const after = gen.emitted;
    expect(sim.stats().tweets + sim.stats().dms).toBe(after);
    await new Promise((r) => setTimeout(r, 100));
    expect(gen.emitted).toBe(after);
  });
});
