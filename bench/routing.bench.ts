/**
 * Routing decisions in memory (PERFORMANCE.md B6), anchored to a trivial in-memory round robin
 * over the same agents and mentions, measured in the same run.
 *   node -r @swc-node/register bench/routing.bench.ts
 * Roost's decision: rules -> queue, eligibility (online, on shift in the agent's IANA zone, queue,
 * language, capacity), stickiness, least loaded, waiting list; resolutions keep capacity turning.
 * Output: one JSON object per line: { name, value, unit, baseline, ratio }. Nothing else on stdout.
 */
import type { ConversationStatusChangedV1 } from '../libs/contracts/src';
import { routeMention } from '../apps/routing/src/assignment/router';
import { applyStatusChange } from '../apps/routing/src/assignment/status-changes';
import {
  BRAND,
  ctxAt,
  makeAgent,
  makeQueue,
  makeState,
  mention,
} from '../apps/routing/src/testing/state-builder';
import { percentile, ratio, report } from './lib/report';

const AGENTS = 200;
const DECISIONS = 200_000;
const BACKLOG = 30_000;
const ZONES = ['America/New_York', 'Europe/Paris', 'Asia/Seoul', 'Asia/Kolkata', 'America/Sao_Paulo'];
const LANGS = ['en', 'es', 'fr', 'ko', 'hi'];

const mentions = Array.from({ length: 20_000 }, (_, i) =>
  mention({ customer: String(1_000_000 + (i % 15_000)), language: LANGS[i % 5], priority: (i * 37) % 100 }),
);
const allDays = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '00:00' }));

function roost(): { perSec: number; p99us: number } {
  const q = makeQueue({ id: 'q1', stickyWindowMinutes: 60 });
  const agents = Array.from({ length: AGENTS }, (_, i) =>
    makeAgent({
      id: `a${i}`,
      capacity: 8,
      timezone: ZONES[i % ZONES.length],
      shifts: allDays,
      langs: ['en', LANGS[i % 5] ?? 'en'],
    }),
  );
  const state = makeState([q], agents);
  const lat: number[] = [];
  let now = Date.parse('2024-03-11T15:00:00Z');
  const start = process.hrtime.bigint();
  for (let i = 0; i < DECISIONS; i++) {
    const m = mentions[i % mentions.length];
    if (!m) continue;
    const t0 = process.hrtime.bigint();
    const ctx = ctxAt(state, now);
    const d = routeMention(ctx, m);
    // Keep capacity turning over: resolve an assigned conversation as often as one opens.
    if (d?.opened && state.open.size > AGENTS * 8) {
      const first = state.byId.values().next().value;
      if (first) applyStatusChange(ctx, resolvedEv(first.id, now));
    }
    lat.push(Number(process.hrtime.bigint() - t0) / 1000);
    now += 5;
  }
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  lat.sort((a, b) => a - b);

  return { perSec: DECISIONS / secs, p99us: percentile(lat, 99) };
}

function resolvedEv(conversationId: string, now: number): ConversationStatusChangedV1 {
  const at = new Date(now).toISOString();

  return {
    schema: 1,
    brandId: BRAND,
    conversationId,
    queueId: 'q1',
    assigneeId: null,
    status: 'resolved',
    previousStatus: 'assigned',
    reason: 'resolved',
    actorId: null,
    openedAt: at,
    at,
  };
}

/** The anchor: next agent in a ring with a load counter, nothing else. */
function roundRobin(): { perSec: number; p99us: number } {
  const load = new Array<number>(AGENTS).fill(0);
  const lat: number[] = [];
  let cursor = 0;
  let sink = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < DECISIONS; i++) {
    const m = mentions[i % mentions.length];
    const t0 = process.hrtime.bigint();
    cursor = (cursor + 1) % AGENTS;
    load[cursor] = (load[cursor] ?? 0) + 1;
    if (m) sink += m.classification.priority;
    if (i % 8 === 0) load[(cursor + 100) % AGENTS] = 0;
    lat.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  lat.sort((a, b) => a - b);
  if (sink < 0) process.stderr.write('');

  return { perSec: DECISIONS / secs, p99us: percentile(lat, 99) };
}

/**
 * A spike: every agent is full, so each new conversation joins the waiting list, which grows to
 * BACKLOG (each decision also reads the queue's oldest wait for the consoles).
 */
function backlog(): { perSec: number; p99us: number } {
  const q = makeQueue({ id: 'q1' });
  const agents = Array.from({ length: AGENTS }, (_, i) =>
    makeAgent({ id: `a${i}`, capacity: 0, timezone: ZONES[i % ZONES.length], shifts: allDays }),
  );
  const state = makeState([q], agents);
  const lat: number[] = [];
  const now = Date.parse('2024-03-11T15:00:00Z');
  const start = process.hrtime.bigint();
  for (let i = 0; i < BACKLOG; i++) {
    const m = mention({ customer: String(5_000_000 + i), priority: (i * 37) % 100 });
    const t0 = process.hrtime.bigint();
    routeMention(ctxAt(state, now + i), m);
    lat.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  if (q.waiting.size !== BACKLOG) throw new Error(`expected ${BACKLOG} waiting, found ${q.waiting.size}`);
  lat.sort((a, b) => a - b);

  return { perSec: BACKLOG / secs, p99us: percentile(lat, 99) };
}

roost(); // warm-up
roundRobin();
backlog();
const base = roundRobin();
const ours = roost();
const spike = backlog();
report({
  name: 'routing.backlog_decisions_per_second',
  value: Math.round(spike.perSec),
  unit: `decisions/s while ${BACKLOG} wait`,
  baseline: Math.round(base.perSec),
  ratio: ratio(spike.perSec, base.perSec, true),
  p99us: Math.round(spike.p99us * 10) / 10,
});
report({
  name: 'routing.decisions_per_second',
  value: Math.round(ours.perSec),
  unit: 'decisions/s',
  baseline: Math.round(base.perSec),
  ratio: ratio(ours.perSec, base.perSec, true),
});
report({
  name: 'routing.decision_latency_p99',
  value: Math.round(ours.p99us * 10) / 10,
  unit: 'us',
  baseline: Math.round(base.p99us * 10) / 10,
  ratio: ratio(ours.p99us, base.p99us, false),
});
