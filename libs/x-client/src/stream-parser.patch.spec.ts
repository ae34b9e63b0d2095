import TweetStreamParser, { EStreamParserEvent } from 'twitter-api-v2/dist/cjs/stream/TweetStreamParser';
import { fastStreamParserPush } from './stream-parser.patch';

type Seen = Array<['data', unknown] | ['error', string]>;

/** Feeds the chunks to a parser whose push is `push` (or the library's own) and records what it emits. */
function run(chunks: string[], push?: typeof fastStreamParserPush): Seen {
  const parser = new TweetStreamParser();
  if (push) (parser as unknown as { push: typeof fastStreamParserPush }).push = push;
  const seen: Seen = [];
  parser.on(EStreamParserEvent.ParsedData, (d: unknown) => seen.push(['data', d]));
  parser.on(EStreamParserEvent.ParseError, (e: Error) => seen.push(['error', e.name]));
  for (const c of chunks) parser.push(c);

  return seen;
}

/** Cuts `text` at pseudo-random points (deterministic), including inside `\r\n`. */
function chunked(text: string, seed: number): string[] {
  const out: string[] = [];
  let state = seed;
  for (let i = 0; i < text.length;) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const n = 1 + (state % 97);
    out.push(text.slice(i, i + n));
    i += n;
  }

  return out;
}

describe('fastStreamParserPush', () => {
  const tweets = Array.from({ length: 50 }, (_, i) => ({
    data: { id: String(i), text: `héllo 👋 ${'x'.repeat(i * 7)}` },
    matching_rules: [{ id: 'r', tag: 't' }],
  }));
  const body =
    tweets.map((t, i) => (i % 7 === 3 ? '\r\n' : '') + JSON.stringify(t) + '\r\n').join('') +
    '{"broken": \r\n' +
    '{"tail": 1}';

  it('emits what the library parser emits, in the same order, however the stream is cut', () => {
    for (const seed of [1, 2, 3, 42, 1000]) {
      const chunks = chunked(body, seed);
      expect(run(chunks, fastStreamParserPush)).toEqual(run(chunks));
    }
  });

  it('emits every complete tweet once, reports the broken line, keeps the unterminated tail', () => {
    const seen = run(chunked(body, 7), fastStreamParserPush);
    expect(
      seen.filter(([k]) => k === 'data').map(([, d]) => (d as { data: { id: string } }).data.id),
    ).toEqual(tweets.map((t) => t.data.id));
    expect(seen.filter(([k]) => k === 'error')).toEqual([['error', 'SyntaxError']]);
    const parser = new TweetStreamParser();
    (parser as unknown as { push: typeof fastStreamParserPush }).push = fastStreamParserPush;
    parser.push('{"a":1}\r\n{"b"');
    expect((parser as unknown as { currentMessage: string }).currentMessage).toBe('{"b"');
  });
});

describe('filtered stream through createXClient', () => {
  it('keeps a character whose bytes arrive in two network chunks whole', async () => {
    const { createServer } = await import('node:http');
    const { createXClient } = await import('./create-x-client');
    const line = Buffer.from(
      `${JSON.stringify({ data: { id: '1', text: 'お問い合わせ 👋 çà' }, matching_rules: [{ id: 'r', tag: 't' }] })}\r\n`,
    );
    const emoji = line.indexOf(Buffer.from('👋'));
    const server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      // Cut inside the emoji (4 bytes) and inside a kana (3 bytes), with pauses so they are separate chunks.
      const cuts = [5, emoji + 2, line.length];
      let from = 0;
      const next = (i: number) => {
        if (i >= cuts.length) return;
        res.write(line.subarray(from, cuts[i]));
        from = cuts[i]!;
        setTimeout(() => next(i + 1), 30);
      };
      next(0);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    try {
      const client = createXClient({ baseUrl: `http://127.0.0.1:${port}`, bearerToken: 't' });
      const stream = await client.v2.searchStream({ autoConnect: true });
      const tweet = await new Promise<{ data: { text: string } }>((resolve) =>
        stream.on('data event content', resolve),
      );
      stream.close();
      expect(tweet.data.text).toBe('お問い合わせ 👋 çà');
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
