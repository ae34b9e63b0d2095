import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { Events } from '@roost/contracts';
import { cleanupNamespace, eventually, makeMentionReceived, testEnv } from '@roost/testing';
import { BatchConsumer } from './batch-consumer';
import { runDlq, UsageError } from './cli/dlq';
import { DeadLetters } from './dead-letters';
import { EventBus } from './event-bus';
import { silentLogger } from './logger';
import { NatsClient } from './nats-client';
import { DONE } from './settlement';
import { provisionStreams } from './streams';

const mention = (brandId: string, tweetId: string) =>
  makeMentionReceived(brandId, tweetId, `@acmecares order ${tweetId} is late`);

const parse = (lines: string[]) => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

/**
 * The operator's side of dead letters (`npm run dlq`): letters made by a real consumer are listed,
 * shown, replayed to the consumer (which then stores them) and purged, on real NATS.
 */
describe('dead letters: inspect, replay, purge (real NATS)', () => {
  const env = testEnv();
  const brandId = randomUUID();
  const stored = new Set<string>();
  /** Tweet ids the handler refuses as poison, until the "fix" is deployed. */
  const refused = new Set(['2', '4', '5']);
  let client: NatsClient;
  let consumer: BatchConsumer<typeof Events.MentionReceived>;
  let letters: DeadLetters;

  beforeAll(async () => {
    client = await NatsClient.connect({
      servers: env.natsServers,
      name: 'dlq-int',
      namespace: env.natsNamespace,
      log: silentLogger,
    });
    await provisionStreams(client.jsm, client.topology);
    letters = new DeadLetters(client);
    consumer = new BatchConsumer({
      client,
      event: Events.MentionReceived,
      durable: 'dlq-test',
      log: silentLogger,
      handle: async (batch) =>
        batch.map((d) => {
          if (refused.has(d.payload.tweet.id)) {
            return { kind: 'poison', reason: `refused ${d.payload.tweet.id}` };
          }
          stored.add(d.payload.tweet.id);

          return DONE;
        }),
    });
    await consumer.start();
  });

  afterAll(async () => {
    await consumer?.stop();
    await client?.drain();
    await cleanupNamespace(env);
  });

  it('lists, shows, replays to the original consumer, refuses a second replay, and purges', async () => {
    await new EventBus(client).publishAll(
      Events.MentionReceived,
      ['1', '2', '3', '4', '5'].map((id) => ({
        payload: mention(brandId, id),
        opts: { brandId, msgId: `${brandId}:${id}`, correlationId: `c-${id}` },
      })),
    );
    await eventually(async () => (await letters.list()).length === 3 && stored.size === 2, {
      timeoutMs: 20_000,
      what: 'three dead letters',
    });

    const listed = parse((await runDlq(['list'], letters)).lines);
    expect(listed).toEqual(
      ['2', '4', '5'].map(() =>
        expect.objectContaining({
          subject: client.topology.eventSubject(Events.MentionReceived, brandId),
          cause: 'poison',
          deliveries: 1,
        }),
      ),
    );
    expect(listed.map((l) => l['reason'])).toEqual(['refused 2', 'refused 4', 'refused 5']);
    // Filters: the event alone, the event and brand, a pattern; another event has none.
    expect((await runDlq(['list', '--subject', 'mention.received'], letters)).lines).toHaveLength(3);
    expect(
      (await runDlq(['list', '--subject', `mention.received.${brandId}`, '--limit', '2'], letters)).lines,
    ).toHaveLength(2);
    expect((await runDlq(['list', '--subject', 'mention.>'], letters)).lines).toHaveLength(3);
    expect((await runDlq(['list', '--subject', 'conversation.routed'], letters)).lines).toEqual([]);

    const [two, four, five] = listed.map((l) => l['seq'] as number) as [number, number, number];
    const shown = await runDlq(['show', String(two)], letters);
    expect(shown.exitCode).toBe(0);
    expect(JSON.parse(shown.lines[0]!)).toMatchObject({
      seq: two,
      msgId: `${brandId}:2`,
      from: {
        stream: client.topology.streamName(Events.MentionReceived.stream),
        consumer: 'dlq-test',
        deliveries: 1,
      },
      payload: { brandId, tweet: { id: '2' } },
    });

    // The fix is deployed: a replay reaches the consumer, which stores it; the letter is gone.
    refused.delete('2');
    const replayed = await runDlq(['replay', String(two)], letters);
    expect(parse(replayed.lines)).toEqual([
      { seq: two, subject: client.topology.eventSubject(Events.MentionReceived, brandId), duplicate: false },
    ]);
    await eventually(() => stored.has('2'), { what: 'the replayed mention stored' });
    expect(await runDlq(['replay', String(two)], letters)).toEqual({
      lines: [`no dead letter ${two}`],
      exitCode: 1,
    });
    // The replay kept the original's headers (correlation id), and says where it came from.
    const replay = await client.jsm.streams.getMessage(
      client.topology.streamName(Events.MentionReceived.stream),
      {
        last_by_subj: client.topology.eventSubject(Events.MentionReceived, brandId),
      },
    );
    expect(replay?.header.get('roost-correlation-id')).toBe('c-2');
    expect(replay?.header.get('roost-replayed-from')).toBe(`${client.topology.streamName('dlq')}:${two}`);

    // Worthless letters are purged, one or all.
    expect(parse((await runDlq(['purge', String(four)], letters)).lines)).toEqual([{ purged: 1, seq: four }]);
    expect((await runDlq(['purge', String(four)], letters)).exitCode).toBe(1);
    expect(parse((await runDlq(['list'], letters)).lines).map((l) => l['seq'])).toEqual([five]);
    expect(parse((await runDlq(['purge', '--all', '--subject', 'mention.received'], letters)).lines)).toEqual(
      [{ purged: 1 }],
    );
    expect(await letters.list()).toEqual([]);
    expect([...stored].sort()).toEqual(['1', '2', '3']);
  });

  it('replays every letter of a subject with replay --all', async () => {
    refused.add('7').add('8');
    const bus = new EventBus(client);
    await bus.publishAll(
      Events.MentionReceived,
      ['6', '7', '8'].map((id) => ({
        payload: mention(brandId, id),
        opts: { brandId, msgId: `${brandId}:${id}` },
      })),
    );
    await eventually(async () => (await letters.list()).length === 2, {
      timeoutMs: 20_000,
      what: 'two dead letters',
    });
    refused.clear();
    const out = parse(
      (await runDlq(['replay', '--all', '--subject', `mention.received.${brandId}`], letters)).lines,
    );
    expect(out.at(-1)).toEqual({ replayed: 2 });
    await eventually(() => stored.has('7') && stored.has('8'), { what: 'both replayed mentions stored' });
    expect(await letters.list()).toEqual([]);
  });

  it('shows and purges, but never replays, the X payloads ingest could not read', async () => {
    // As tweet-intake.service.ts stores them: raw input, no bus subject to go back to.
    await client.js.publish(
      client.topology.deadLetterSubject('ingest.malformed.stream'),
      JSON.stringify({ reason: 'missing author_id', raw: { id: '77' } }),
    );
    const [letter] = parse((await runDlq(['list', '--subject', 'ingest.malformed'], letters)).lines);
    expect(letter).toMatchObject({
      subject: 'ingest.malformed.stream',
      cause: 'malformed',
      reason: 'missing author_id',
    });
    expect((await runDlq(['list', '--subject', 'mention.received'], letters)).lines).toEqual([]);
    const seq = String(letter!['seq']);
    const refusedReplay = await runDlq(['replay', seq], letters);
    expect(refusedReplay.exitCode).toBe(1);
    expect(refusedReplay.lines[0]).toMatch(/could not read \(missing author_id\).*purge/);
    expect(parse((await runDlq(['replay', '--all'], letters)).lines)).toEqual([{ replayed: 0 }]);
    expect(parse((await runDlq(['purge', '--all', '--subject', 'ingest.malformed'], letters)).lines)).toEqual(
      [{ purged: 1 }],
    );
  });

  it('refuses bad arguments with the usage', async () => {
    await expect(runDlq(['show', 'x'], letters)).rejects.toThrow(UsageError);
    await expect(runDlq(['replay', '3', '--all'], letters)).rejects.toThrow(/not both/);
    await expect(runDlq(['frobnicate'], letters)).rejects.toThrow(/unknown command/);
    expect((await runDlq([], letters)).exitCode).toBe(2);
  });

  it("runs as `npm run dlq` does, with the services' NATS settings", async () => {
    refused.add('9');
    await new EventBus(client).publish(Events.MentionReceived, mention(brandId, '9'), {
      brandId,
      msgId: `${brandId}:9`,
    });
    await eventually(async () => (await letters.list()).length === 1, {
      timeoutMs: 20_000,
      what: 'a dead letter',
    });
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['-r', '@swc-node/register', 'libs/messaging/src/cli/dlq.ts', 'list'],
      {
        env: {
          ...process.env,
          ROOST_NATS_NAMESPACE: env.natsNamespace,
          NATS_SERVERS: env.natsServers.join(','),
        },
      },
    );
    expect(parse(stdout.trim().split('\n'))).toEqual([
      expect.objectContaining({ reason: 'refused 9', cause: 'poison' }),
    ]);
  }, 60_000);
});
