import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { eventually } from './eventually';

/**
 * What every service of a test stack is started with: the test's own namespace (schemas and
 * streams), database and NATS, warn-level logs, the demo brand seeded, no simulated traffic.
 * `extra` adds or overrides (e.g. `LOG_LEVEL`, crash-test switches).
 */
export function stackEnv(
  env: { natsNamespace: string; schemaPrefix: string; databaseUrl: string; natsServers: readonly string[] },
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    ROOST_DEMO_SEED: 'true',
    ROOST_NATS_NAMESPACE: env.natsNamespace,
    ROOST_SCHEMA_PREFIX: env.schemaPrefix,
    // The owner, for each service's migrate step; the services' pools log in as roost_app
    // (DATABASE_APP_URL derived from it, or the caller's), as in production.
    DATABASE_URL: env.databaseUrl,
    NATS_SERVERS: env.natsServers.join(','),
    SIM_TRAFFIC_RATE: '0',
    ...extra,
  };
}

/** Same as scripts/lib/tools.js SERVICE_NODE_FLAGS: a 4 MB young generation (B8 idle memory). */
const SERVICE_NODE_FLAGS = ['--max-semi-space-size=4'];

const REPO_ROOT = resolve(__dirname, '../../..');
let built = false;

/**
 * Services run from their JavaScript build under dist/, as `npm start` and the Docker image run
 * them. The build is incremental and safe beside other test processes building at once
 * (scripts/lib/build-services.js), so each test file brings it up to date before its first stack
 * starts, and edits to a service are always what the test runs; `npm test` builds once before
 * jest and says so with ROOST_SERVICES_BUILT.
 */
function buildServicesOnce(): void {
  if (built || process.env.ROOST_SERVICES_BUILT === '1') return;
  execFileSync(process.execPath, ['scripts/lib/build-services.js'], { cwd: REPO_ROOT, stdio: 'pipe' });
  built = true;
}

export type StackService = 'twitter-sim' | 'ingest' | 'routing' | 'conversations' | 'metrics' | 'gateway';

const PORT_ENV: Record<StackService, string> = {
  'twitter-sim': 'TWITTER_SIM_PORT',
  ingest: 'INGEST_PORT',
  routing: 'ROUTING_PORT',
  conversations: 'CONVERSATIONS_PORT',
  metrics: 'METRICS_PORT',
  gateway: 'GATEWAY_PORT',
};

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

interface Running {
  child: ChildProcess;
  output: string[];
}

/**
 * Runs real service processes (the same `main.ts` `npm start` runs) on free ports, in the test's
 * own namespace, so end-to-end tests can kill and restart any of them.
 */
export class TestStack {
  readonly ports = {} as Record<StackService, number>;
  private readonly running = new Map<StackService, Running>();
  private env: NodeJS.ProcessEnv = {};

  constructor(private readonly baseEnv: Record<string, string>) {}

  url(service: StackService): string {
    return `http://127.0.0.1:${this.ports[service]}`;
  }

  async init(): Promise<void> {
    for (const s of Object.keys(PORT_ENV) as StackService[]) this.ports[s] = await freePort();
    this.env = { ...process.env, ...this.baseEnv };
    for (const s of Object.keys(PORT_ENV) as StackService[]) this.env[PORT_ENV[s]] = String(this.ports[s]);
    this.env.X_API_BASE_URL = this.url('twitter-sim');
  }

  async start(services: StackService[]): Promise<void> {
    buildServicesOnce();
    for (const s of services) this.spawn(s);
    await Promise.all(services.map((s) => this.waitReady(s)));
  }

  private spawn(service: StackService): void {
    // ROOST_STACK_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) profiles the services.
    const extra = (process.env.ROOST_STACK_NODE_ARGS ?? '').split(' ').filter(Boolean);
    // The services' V8 flags, as `npm start` and the Docker image run them (scripts/lib/tools.js).
    const child = spawn(
      process.execPath,
      [...SERVICE_NODE_FLAGS, ...extra, `dist/apps/${service}/src/main.js`],
      {
        cwd: REPO_ROOT,
        env: this.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const output: string[] = [];
    const keep = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.length > 200) output.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.running.set(service, { child, output });
  }

  async waitReady(service: StackService, timeoutMs = 60_000): Promise<void> {
    const url = `${this.url(service)}/health/ready`;
    try {
      await eventually(
        async () => {
          const r = this.running.get(service);
          if (r && r.child.exitCode !== null) throw new Error(`${service} exited with ${r.child.exitCode}`);
          const res = await fetch(url);

          return res.status === 200;
        },
        { timeoutMs, intervalMs: 200, what: `${service} ready` },
      );
    } catch (err) {
      throw new Error(
        `${(err as Error).message}\n--- ${service} output ---\n${this.logs(service).slice(-4000)}`,
      );
    }
  }

  /** The process id of a running service (profiling tools read /proc with it), or null. */
  pid(service: StackService): number | null {
    return this.running.get(service)?.child.pid ?? null;
  }

  /** Resident memory of a running service in MB (Linux /proc), or null when not running or unreadable. */
  rssMb(service: StackService): number | null {
    const pid = this.running.get(service)?.child.pid;
    if (pid === undefined) return null;
    try {
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];

      return kb === undefined ? null : Math.round(Number(kb) / 102.4) / 10;
    } catch {
      return null;
    }
  }

  logs(service: StackService): string {
    return this.running.get(service)?.output.join('') ?? '';
  }

  /** SIGKILL: no drain, no graceful anything: the crash case. */
  async kill(service: StackService, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const r = this.running.get(service);
    if (!r || r.child.exitCode !== null) return;
    const exited = new Promise<void>((res) => r.child.once('exit', () => res()));
    r.child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((res) => (timer = setTimeout(res, 15_000)))]);
    clearTimeout(timer);
    if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGKILL');
    this.running.delete(service);
  }

  async restart(service: StackService, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    await this.kill(service, signal);
    this.spawn(service);
    await this.waitReady(service);
  }

  async stop(): Promise<void> {
    await Promise.all([...this.running.keys()].map((s) => this.kill(s, 'SIGTERM')));
  }
}
