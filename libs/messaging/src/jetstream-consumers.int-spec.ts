import { randomUUID } from 'node:crypto';
import { Injectable, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { RoostConfigModule } from '@roost/config';
import { Events, type MentionReceivedV1 } from '@roost/contracts';
import { ObservabilityModule, ReadinessRegistry } from '@roost/observability';
import { cleanupNamespace, eventually, makeMentionReceived, testEnv } from '@roost/testing';
import type { Delivery } from './batch-consumer';
import { EventBus } from './event-bus';
import { JetStreamConsumers } from './jetstream-consumers';
import { MessagingModule } from './messaging.module';
import { DONE } from './settlement';

const handled: string[] = [];

/** A consumer class as the services write them: declare in the constructor, nothing else. */
@Injectable()
class MentionsConsumer {
  constructor(consumers: JetStreamConsumers) {
    consumers.consume({
      event: Events.MentionReceived,
      purpose: 'mentions',
      maxBatch: 10,
      handle: async (batch: ReadonlyArray<Delivery<MentionReceivedV1>>) => {
        handled.push(...batch.map((d) => d.payload.tweet.id));

        return batch.map(() => DONE);
      },
    });
  }
}

const mention = makeMentionReceived;

@Module({})
class TestApp {}

/** A service's root module: the platform's config, observability and messaging, plus its consumers. */
function create(env: ReturnType<typeof testEnv>, service: string): Promise<INestApplication> {
  return NestFactory.create(
    {
      module: TestApp,
      imports: [
        RoostConfigModule.forRoot(env),
        ObservabilityModule.forRoot({ service, logLevel: 'silent' }),
        MessagingModule.forRoot({ service }),
      ],
      providers: [MentionsConsumer],
    },
    { logger: false, abortOnError: false },
  );
}

describe('JetStreamConsumers: one lifecycle for every consumer (real NATS)', () => {
  const env = testEnv();

  afterAll(async () => {
    await cleanupNamespace(env);
  });

  it('starts declared consumers at bootstrap, reports readiness, names durables per service, stops them on close', async () => {
    const app = await create(env, 'jsc');
    const consumers = app.get(JetStreamConsumers);
    const readiness = app.get(ReadinessRegistry);
    expect(consumers.names).toEqual(['jsc-mentions']);
    expect((await readiness.evaluate()).checks['consumers']).toBe(false);

    await app.init();
    expect((await readiness.evaluate()).checks['consumers']).toBe(true);
    expect(() =>
      consumers.consume({ event: Events.MentionReceived, purpose: 'late', handle: async () => [] }),
    ).toThrow(/declare it in a constructor/);

    const brandId = randomUUID();
    const bus = app.get(EventBus);
    for (const id of ['1', '2', '3']) {
      await bus.publish(Events.MentionReceived, mention(brandId, id), { brandId, msgId: `${brandId}:${id}` });
    }
    await eventually(() => handled.length >= 3, { what: 'three mentions handled' });
    expect([...handled].sort()).toEqual(['1', '2', '3']);

    await app.close();
    expect((await readiness.evaluate()).checks['consumers']).toBe(false);
  });

  it('refuses a durable declared twice', async () => {
    const app = await create(env, 'jsc2');
    expect(() =>
      app
        .get(JetStreamConsumers)
        .consume({ event: Events.MentionReceived, purpose: 'mentions', handle: async () => [] }),
    ).toThrow(/declared twice/);
    await app.close();
  });
});
