import { parseTwcs } from '@roost/twcs';
import { startXSim } from '@roost/x-sim';
import type { XSim } from '@roost/x-sim';
import { HttpSimSink, InProcessSink } from './tweet-sink';
import { TwcsReplayer, rewriteMentions, unescapeXText } from './twcs-replayer';

const CSV = [
  'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id',
  '3,AppleSupport,False,Wed Oct 11 06:57:00 +0000 2017,@105834 Sorry to hear that &amp; &lt;3 DM us.,4,1',
  '1,105834,True,Wed Oct 11 06:55:44 +0000 2017,@AppleSupport my phone is stuck,3,',
  '4,105834,True,Wed Oct 11 06:58:10 +0000 2017,@AppleSupport done,,3',
  '9,105900,True,Wed Oct 11 07:00:00 +0000 2017,@AppleSupport replying to something we never saw,,8',
].join('\n');

describe('TwcsReplayer', () => {
  let sim: XSim;

  beforeEach(async () => {
    sim = await startXSim();
  });

  afterEach(() => sim.close());

  it('replays over HTTP in time order, keeping threads through the id map', async () => {
    const sleeps: number[] = [];
    const replayer = new TwcsReplayer(new HttpSimSink(sim.url), {
      speed: 60,
      sleep: (ms) => Promise.resolve(void sleeps.push(ms)),
    });
    const result = await replayer.replay(parseTwcs(CSV));

    expect(result).toMatchObject({ posted: 4, threaded: 2, orphans: 1, failed: 0 });
    expect(sleeps.map(Math.round)).toEqual([1267, 1167, 1833]);
    const root = sim.store.tweet(result.idMap.get('1')!)!;
    const brand = sim.store.tweet(result.idMap.get('3')!)!;
    const last = sim.store.tweet(result.idMap.get('4')!)!;
    expect(sim.store.userById(root.author_id)!.username).toBe('c105834');
    expect(sim.store.userById(brand.author_id)!.username).toBe('AppleSupport');
    // Unescaped once into the sim, which escapes again on X reads.
    expect(brand.text).toBe('@c105834 Sorry to hear that & <3 DM us.');
    expect(brand.in_reply_to_user_id).toBe(root.author_id);
    expect(last.conversation_id).toBe(root.id);
    expect(sim.replies(root.id).map((t) => t.id)).toEqual([brand.id]);
  });

  it('runs as fast as possible with speed 0, in process', async () => {
    const sleeps: number[] = [];
    const result = await new TwcsReplayer(new InProcessSink(sim), {
      speed: 0,
      sleep: (ms) => Promise.resolve(void sleeps.push(ms)),
    }).replay(parseTwcs(CSV));
    expect(result.posted).toBe(4);
    expect(sleeps).toEqual([]);
  });

  it("unescapes X's &amp;, &lt;, &gt; in one pass", () => {
    expect(unescapeXText('Q&amp;A &lt;b&gt; &amp;lt; &quot;')).toBe('Q&A <b> &lt; &quot;');
  });

  it('maps anonymised @numbers to customer handles only', () => {
    expect(rewriteMentions('@115713 hi @AppleSupport, and @42')).toBe('@c115713 hi @AppleSupport, and @c42');
  });
});
