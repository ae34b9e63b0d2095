/**
 * B7 (PERFORMANCE.md): decode + validate of a bus message with the contract's compiled schema,
 * against JSON.parse of the same bytes, same run, one core. Payloads: mention.received (what
 * routing decodes) and conversation.routed (what conversations and metrics decode), in the
 * UTF-8 bytes NATS delivers.
 *   node -r @swc-node/register bench/codec.bench.ts
 * Output: one JSON object per line: { name, value, unit, baseline, ratio }. Nothing else on stdout.
 */
import { randomUUID } from 'node:crypto';
import { Events, type ConversationRoutedV1 } from '../libs/contracts/src';
import { anchorMention } from './lib/payloads';
import { ratio, report } from './lib/report';

const RUN_MS = 1000;
const ROUNDS = 5;
const brandId = randomUUID();
const encoder = new TextEncoder();
const decoder = new TextDecoder();

const mentions = Array.from({ length: 1000 }, (_, i) =>
  anchorMention(brandId, i, new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString()),
);
const routed: ConversationRoutedV1[] = mentions.map((mention) => ({
  schema: 1,
  brandId,
  conversationId: randomUUID(),
  opened: true,
  queueId: randomUUID(),
  priority: mention.classification.priority,
  status: 'waiting',
  assigneeId: null,
  mention,
  queueSnapshot: { waiting: 12, assigned: 30, oldestWaitingSince: mention.receivedAt },
  routedAt: mention.receivedAt,
}));

/** Messages per second of `fn` over `items` for about `ms`. */
function rate(items: readonly Uint8Array[], fn: (bytes: Uint8Array) => unknown, ms: number): number {
  let sink = 0;
  const start = performance.now();
  let ops = 0;
  while (performance.now() - start < ms) {
    for (const bytes of items) {
      if (fn(bytes)) sink++;
    }
    ops += items.length;
  }
  if (sink < 0) process.stderr.write('');

  return ops / ((performance.now() - start) / 1000);
}

/** Both sides in alternating rounds (so a busy neighbour hits both alike), median of each. */
function compare(
  items: readonly Uint8Array[],
  a: (b: Uint8Array) => unknown,
  b: (b: Uint8Array) => unknown,
): [number, number] {
  rate(items, a, 300);
  rate(items, b, 300);
  const ra: number[] = [];
  const rb: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    ra.push(rate(items, a, RUN_MS));
    rb.push(rate(items, b, RUN_MS));
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;

  return [median(ra), median(rb)];
}

for (const [name, payloads, codec] of [
  ['mention_received', mentions, Events.MentionReceived.codec],
  ['conversation_routed', routed, Events.ConversationRouted.codec],
] as const) {
  const bytes = payloads.map((p) => encoder.encode(JSON.stringify(p)));
  const [parse, decode] = compare(
    bytes,
    (b) => JSON.parse(decoder.decode(b)) as unknown,
    (b) => codec.decode(b),
  );
  report({ name: `B7.${name}.json_parse_per_s`, value: Math.round(parse), unit: 'msg/s' });
  report({
    name: `B7.${name}.decode_validate_per_s`,
    value: Math.round(decode),
    unit: 'msg/s',
    baseline: Math.round(parse),
    ratio: ratio(decode, parse, true),
    target: '>= 0.50',
  });
}
