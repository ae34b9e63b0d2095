import { parseArgs } from 'node:util';
import { readRoostEnv } from '@roost/config';
import { DeadLetters, NotReplayableError, type DeadLetter } from '../dead-letters';
import { silentLogger } from '../logger';
import { NatsClient } from '../nats-client';

export const USAGE = `usage: npm run dlq -- <command>
  list [--subject S] [--limit N]   dead letters, oldest first (default 50), one JSON line each
  show <seq>                       one dead letter with its payload
  replay <seq>                     republish it to its original subject, then delete it
  replay --all [--subject S]       the same for every dead letter (matching S)
  purge <seq>                      delete it without replaying it
  purge --all [--subject S]        delete every dead letter (matching S)
  S: an event (conversation.routed), an event and brand (conversation.routed.<brand>), a NATS pattern (mention.>),
     or ingest.malformed for the X payloads ingest could not read (inspected and purged, never replayed)
  Connects with NATS_SERVERS, NATS_* credentials and ROOST_NATS_NAMESPACE, as the services do.`;

export class UsageError extends Error {
  constructor(message: string) {
    super(`${message}\n${USAGE}`);
    this.name = 'UsageError';
  }
}

function seqOf(raw: string | undefined): number {
  const n = Number(raw);
  if (!raw || !Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(`a dead-letter sequence (a positive integer) is needed, got "${raw ?? ''}"`);
  }

  return n;
}

/** A line for `list`: what an operator scans for, without the payload. */
function summary(d: DeadLetter): Record<string, unknown> {
  return {
    seq: d.seq,
    subject: d.subject,
    cause: d.cause,
    reason: d.reason,
    deliveries: d.from.deliveries,
    at: d.deadLetteredAt,
  };
}

/** Runs one command against `letters` and returns what it prints (JSON lines) and the exit code. */
export async function runDlq(
  argv: readonly string[],
  letters: DeadLetters,
): Promise<{ lines: string[]; exitCode: number }> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      subject: { type: 'string' },
      limit: { type: 'string' },
      all: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, arg] = positionals;
  if (values.help || !command) return { lines: [USAGE], exitCode: command || values.help ? 0 : 2 };
  const subject = values.subject;
  switch (command) {
    case 'list': {
      const limit = values.limit === undefined ? 50 : Number(values.limit);
      if (!Number.isSafeInteger(limit) || limit < 1) {
        throw new UsageError(`--limit must be a positive integer, got "${values.limit}"`);
      }

      return {
        lines: (await letters.list({ ...(subject ? { subject } : {}), limit })).map((d) =>
          JSON.stringify(summary(d)),
        ),
        exitCode: 0,
      };
    }
    case 'show': {
      const d = await letters.show(seqOf(arg));

      return d
        ? { lines: [JSON.stringify(d, null, 2)], exitCode: 0 }
        : { lines: [`no dead letter ${arg}`], exitCode: 1 };
    }
    case 'replay': {
      if (values.all) {
        if (arg) throw new UsageError('replay takes a sequence or --all, not both');
        const done = await letters.replayAll(subject ? { subject } : {});

        return {
          lines: [...done.map((r) => JSON.stringify(r)), JSON.stringify({ replayed: done.length })],
          exitCode: 0,
        };
      }
      let r: Awaited<ReturnType<DeadLetters['replay']>>;
      try {
        r = await letters.replay(seqOf(arg));
      } catch (err) {
        if (err instanceof NotReplayableError) return { lines: [err.message], exitCode: 1 };
        throw err;
      }

      return r
        ? { lines: [JSON.stringify(r)], exitCode: 0 }
        : { lines: [`no dead letter ${arg}`], exitCode: 1 };
    }
    case 'purge': {
      if (values.all) {
        if (arg) throw new UsageError('purge takes a sequence or --all, not both');

        return {
          lines: [JSON.stringify({ purged: await letters.purgeAll(subject ? { subject } : {}) })],
          exitCode: 0,
        };
      }
      const seq = seqOf(arg);

      return (await letters.purge(seq))
        ? { lines: [JSON.stringify({ purged: 1, seq })], exitCode: 0 }
        : { lines: [`no dead letter ${seq}`], exitCode: 1 };
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

async function main(): Promise<void> {
  const env = readRoostEnv();
  const client = await NatsClient.connect({
    servers: env.natsServers,
    name: `dlq-${process.pid}`,
    namespace: env.natsNamespace,
    log: silentLogger,
    auth: env.natsAuth,
  });
  try {
    const { lines, exitCode } = await runDlq(process.argv.slice(2), new DeadLetters(client));
    process.stdout.write(lines.map((l) => `${l}\n`).join(''));
    process.exitCode = exitCode;
  } finally {
    await client.drain();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = err instanceof UsageError ? 2 : 1;
  });
}
