import type { AgentRole } from '@roost/contracts';
import { NatsClient, silentLogger } from '@roost/messaging';
import { cleanupNamespace, eventually, stackEnv, testEnv, TestStack } from '@roost/testing';
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
    /**
     * The real routing service runs too unless `routing: false`: conversations asks it the acting
     * agent's role for supervisor-only writes and the brand's hard-locked queues before every
     * agent post (a brand routing does not know has none).
     */
    private readonly opts: { routing?: boolean } = {},
  ) {
    this.stack = new TestStack(stackEnv(this.env, extraEnv));
    this.pg = new Client({ connectionString: this.env.databaseUrl });
  }

  /** Starts both processes, connects PostgreSQL and NATS; resolves with the NATS connection. */
  async start(): Promise<NatsClient> {
    await this.stack.init();
    await this.stack.start(['twitter-sim']);
    if (this.opts.routing !== false) await this.stack.start(['routing']);
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

  /** Waits until the conversations process stops answering: a crash hook (`ROOST_TEST_CRASH_*`) made it exit. */
  async crashed(round: number): Promise<void> {
    const dead = async (): Promise<boolean> => {
      try {
        await fetch(`${this.stack.url('conversations')}/health/live`);

        return false;
      } catch {
        return true;
      }
    };
    await eventually(dead, {
      timeoutMs: 15_000,
      intervalMs: 20,
      what: `conversations exited (round ${round})`,
    });
  }

  /** Waits until the outbound ledger row with this idempotency key is `sent` (after a restart: by the reconciler). */
  async settled(idempotencyKey: string, what: string): Promise<void> {
    const schema = `"${this.env.schemaPrefix}conversations"`;
    await eventually(
      async () => {
        const { rows } = await this.pg.query<{ state: string }>(
          `SELECT state FROM ${schema}.outbound_ledger WHERE idempotency_key = $1`,
          [idempotencyKey],
        );

        return rows[0]?.state === 'sent';
      },
      { timeoutMs: 15_000, intervalMs: 50, what },
    );
  }

  /**
   * Makes routing know this acting part of conversations requests (its `agents` row, and the brand's
   * row when new): supervisor-only writes are judged on the stored role.
   */
  async register(actor: {
    brandId: string;
    agentId: string;
    agentRole: AgentRole;
    agentInitials: string;
  }): Promise<void> {
    const schema = `"${this.env.schemaPrefix}routing"`;
    const { brandId, agentId, agentRole, agentInitials } = actor;
    await this.pg.query(`INSERT INTO ${schema}.brands (id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
      brandId,
      `Brand ${brandId.slice(0, 8)}`,
    ]);
    await this.pg.query(
      `INSERT INTO ${schema}.agents (brand_id, id, email, name, initials, role, password_hash) VALUES ($1, $2, $3, $4, $5, $6, 'unusable')`,
      [brandId, agentId, `${agentRole}-${agentId}@example.com`, agentRole, agentInitials, agentRole],
    );
  }

  async stop(): Promise<void> {
    await this.stack.stop();
    await this.nats?.drain();
    await this.pg.end();
    await cleanupNamespace(this.env);
  }
}
