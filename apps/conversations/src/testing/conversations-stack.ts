import { NatsClient, silentLogger } from '@roost/messaging';
import { cleanupNamespace, stackEnv, testEnv, TestStack } from '@roost/testing';
import { Client } from 'pg';

/**
 * twitter-sim and the real conversations process in a test's own namespace, with a PostgreSQL
 * client and a NATS connection for the test's own requests and events. Build it in `describe`,
 * `start()` in `beforeAll`, `stop()` in `afterAll`.
 */
export class ConversationsStack {
  readonly env = testEnv();
  readonly stack: TestStack;
  readonly pg: Client;
  private nats: NatsClient | undefined;

  constructor(
    private readonly name: string,
    extraEnv: Record<string, string> = {},
  ) {
    this.stack = new TestStack(stackEnv(this.env, extraEnv));
    this.pg = new Client({ connectionString: this.env.databaseUrl });
  }

  /** Starts both processes, connects PostgreSQL and NATS; resolves with the NATS connection. */
  async start(): Promise<NatsClient> {
    await this.stack.init();
    await this.stack.start(['twitter-sim']);
    await this.stack.start(['conversations']);
    await this.pg.connect();
    this.nats = await NatsClient.connect({
      servers: this.env.natsServers,
      name: this.name,
      namespace: this.env.natsNamespace,
      log: silentLogger,
    });

    return this.nats;
  }

  async stop(): Promise<void> {
    await this.stack.stop();
    await this.nats?.drain();
    await this.pg.end();
    await cleanupNamespace(this.env);
  }
}
