import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  type ConsumerConfig,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import type { Topology } from '@roost/contracts';

export interface StreamProvisionOptions {
  /** 1 on a single dev server; 3 in production (ARCHITECTURE.md: R3 across zones). */
  replicas?: number;
  /** How long a message id is remembered for de-duplication. The database is the final judge. */
  duplicateWindowMs?: number;
  maxAgeMs?: number;
}

const STREAM_NOT_FOUND = 10059;
const CONSUMER_NOT_FOUND = 10014;

function isApiError(err: unknown, code: number): boolean {
  return err instanceof JetStreamApiError && err.code === code;
}

/** Creates or updates every stream of the topology (adding subjects, never removing them); safe to run from every instance at boot. */
export async function provisionStreams(
  jsm: JetStreamManager,
  topology: Topology,
  opts: StreamProvisionOptions = {},
): Promise<void> {
  for (const spec of topology.streams()) {
    const config: Partial<StreamConfig> & { name: string } = {
      name: spec.name,
      subjects: spec.subjects,
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      num_replicas: opts.replicas ?? 1,
      duplicate_window: nanos(opts.duplicateWindowMs ?? 10 * 60_000),
      max_age: nanos(opts.maxAgeMs ?? 7 * 24 * 3600_000),
    };
    try {
      const info = await jsm.streams.info(spec.name);
      // Subjects are only ever added: during a rolling deploy an older service booting after a
      // newer one must not take away the subjects the newer contracts publish on.
      const current = info.config.subjects ?? [];
      const subjects = [...current, ...spec.subjects.filter((subject) => !current.includes(subject))];
      const same =
        subjects.length === current.length &&
        info.config.duplicate_window === config.duplicate_window &&
        info.config.max_age === config.max_age &&
        info.config.num_replicas === config.num_replicas;
      if (!same) {
        await jsm.streams
          .update(spec.name, { ...info.config, ...config, subjects })
          .catch((e: unknown) => explainReplicas(e, config));
      }
    } catch (err) {
      if (!isApiError(err, STREAM_NOT_FOUND)) throw err;
      try {
        await jsm.streams.add(config);
      } catch (addErr) {
        // Another instance created it first: fine.
        if (!(addErr instanceof JetStreamApiError) || !/already in use/i.test(addErr.message)) {
          explainReplicas(addErr, config);
        }
      }
    }
  }
}

/** A replica count the server cannot place is a deployment mistake: say which setting and why. */
function explainReplicas(err: unknown, config: Partial<StreamConfig>): never {
  const replicas = config.num_replicas ?? 1;
  if (
    replicas > 1 &&
    err instanceof JetStreamApiError &&
    /replica|cluster|insufficient resources/i.test(err.message)
  ) {
    throw new Error(
      `NATS_STREAM_REPLICAS=${replicas} needs a JetStream cluster of at least ${replicas} servers (NATS said: ${err.message}); ` +
        'use 1 on a single server',
    );
  }
  throw err;
}

export interface DurableConsumerSpec {
  stream: string;
  durable: string;
  /** One filter subject: nats-server 2.9 (Debian's) has no filter_subjects. */
  filterSubject: string;
  /** Redelivery after this long without ack (the handler calls working() on long batches). */
  ackWaitMs?: number;
  /** Deliveries before a message is dead-lettered. Transient failures retry with growing delays. */
  maxDeliver?: number;
  maxAckPending?: number;
}

export async function ensureDurableConsumer(jsm: JetStreamManager, spec: DurableConsumerSpec): Promise<void> {
  const config: Partial<ConsumerConfig> = {
    durable_name: spec.durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: spec.filterSubject,
    ack_wait: nanos(spec.ackWaitMs ?? 30_000),
    max_deliver: spec.maxDeliver ?? DEFAULT_MAX_DELIVER,
    max_ack_pending: spec.maxAckPending ?? 5000,
  };
  try {
    await jsm.consumers.info(spec.stream, spec.durable);
    await jsm.consumers.update(spec.stream, spec.durable, config);
  } catch (err) {
    if (!isApiError(err, CONSUMER_NOT_FOUND)) throw err;
    await jsm.consumers.add(spec.stream, config);
  }
}

/** With the back-off in settlement.ts this retries for about 25 minutes before dead-lettering. */
export const DEFAULT_MAX_DELIVER = 30;

/** Deletes a namespace's streams (tests). */
export async function deleteStreams(jsm: JetStreamManager, topology: Topology): Promise<void> {
  for (const spec of topology.streams()) {
    try {
      await jsm.streams.delete(spec.name);
    } catch (err) {
      if (!isApiError(err, STREAM_NOT_FOUND)) throw err;
    }
  }
}
