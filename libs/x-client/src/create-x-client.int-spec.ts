import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ETwitterStreamEvent } from 'twitter-api-v2';
import type { TweetV2SingleStreamResult } from 'twitter-api-v2';
import { createXClient } from './create-x-client';

interface Seen {
  method: string;
  url: string;
  auth: string | undefined;
  body: string;
}

/** A bare recording server: proves where twitter-api-v2's requests land, nothing more. */
function startRecorder(): Promise<{ server: Server; seen: Seen[]; baseUrl: string }> {
  const seen: Seen[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', auth: req.headers.authorization, body });
      const headers = {
        'content-type': 'application/json',
        'x-rate-limit-limit': '450',
        'x-rate-limit-remaining': '449',
        'x-rate-limit-reset': '1900000000',
      };
      if (req.url?.startsWith('/2/tweets/search/stream')) {
        res.writeHead(200, headers);
        res.write(
          JSON.stringify({ data: { id: '5', text: 'hi' }, matching_rules: [{ id: '1', tag: 't' }] }) + '\r\n',
        );

        return;
      }
      res.writeHead(req.method === 'POST' ? 201 : 200, headers);
      res.end(JSON.stringify({ data: { id: '42', text: 'hello' } }));
    });
  });

  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, seen, baseUrl: `http://127.0.0.1:${port}` });
    }),
  );
}

describe('createXClient with a base URL', () => {
  let rec: Awaited<ReturnType<typeof startRecorder>>;

  beforeEach(async () => {
    rec = await startRecorder();
  });

  afterEach(async () => {
    rec.server.closeAllConnections();
    await new Promise((r) => rec.server.close(r));
  });

  it('sends a GET over plain http to the base URL with the bearer token', async () => {
    const client = createXClient({ baseUrl: rec.baseUrl, bearerToken: 'app-token' });
    const res = await client.v2.singleTweet('42', { 'tweet.fields': ['author_id'] });
    expect(res.data.id).toBe('42');
    expect(rec.seen[0]).toMatchObject({
      method: 'GET',
      url: '/2/tweets/42?tweet.fields=author_id',
      auth: 'Bearer app-token',
    });
  });

  it('sends a POST with its JSON body', async () => {
    const client = createXClient({ baseUrl: rec.baseUrl, bearerToken: 'sim-user:acmecares' });
    const res = await client.v2.reply('thanks', '7');
    expect(res.data.id).toBe('42');
    expect(rec.seen[0].method).toBe('POST');
    expect(rec.seen[0].url).toBe('/2/tweets');
    expect(JSON.parse(rec.seen[0].body)).toEqual({ text: 'thanks', reply: { in_reply_to_tweet_id: '7' } });
  });

  it('opens the filtered stream at the base URL', async () => {
    const client = createXClient({ baseUrl: rec.baseUrl, bearerToken: 'app-token' });
    const stream = await client.v2.searchStream({ expansions: ['author_id'] });
    const first = await new Promise<TweetV2SingleStreamResult>((resolve) =>
      stream.on(ETwitterStreamEvent.Data, (d: TweetV2SingleStreamResult) => resolve(d)),
    );
    stream.close();
    expect(first.data.id).toBe('5');
    expect(first.matching_rules).toEqual([{ id: '1', tag: 't' }]);
    expect(rec.seen[0].url).toBe('/2/tweets/search/stream?expansions=author_id');
  });
});
