import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..');
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

/** The published demo secret (libs/config's DEMO_JWT_SECRET): it must never ship in deployment files. */
const DEMO_JWT_SECRET = 'roost-demo-secret-change-me';
const LOOPBACK = new Set(['127.0.0.1', '::1', '[::1]']);
/** Environment names that hold a credential. */
const SECRET_NAME = /SECRET|PASSWORD|TOKEN|CREDENTIAL/;
/** `${NAME:?message}`: compose refuses to start while NAME is unset or empty. */
const REQUIRED = /^\$\{([A-Z0-9_]+):\?[^}]*\}$/;

interface ComposeService {
  ports?: Array<string | number | { host_ip?: string; published?: string | number }>;
  environment?: Record<string, unknown> | string[];
  network_mode?: string;
}

/** Compose's interpolation with an empty environment: defaults apply, required variables stay marked. */
function interpolate(value: string): string {
  return value.replace(
    /\$\{([A-Z0-9_]+)(?:(:?[-?])([^}]*))?\}/g,
    (_m, name: string, op: string | undefined, arg: string) =>
      op?.endsWith('-') ? arg : op?.endsWith('?') ? `<required ${name}>` : '',
  );
}

/** The host address a `ports:` entry publishes on ('' = every interface). */
function hostAddress(entry: NonNullable<ComposeService['ports']>[number]): string {
  if (typeof entry === 'object') return entry.host_ip ?? '';
  const parts = interpolate(String(entry)).split(':');

  return parts.length >= 3 ? parts.slice(0, -2).join(':') : '';
}

function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((kv) => [kv.split('=')[0] ?? '', kv.split('=').slice(1).join('=')]));
  }

  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)]));
}

describe('docker-compose.yml binds only what it must and ships no secret', () => {
  const text = read('docker-compose.yml');
  const compose = parse(text, { merge: true }) as { services: Record<string, ComposeService> };
  const services = Object.entries(compose.services);
  const envExample = read('.env.example');

  it('publishes every port on the loopback only, except the gateway, whose address is the deployment’s choice (127.0.0.1 by default)', () => {
    const published: string[] = [];
    for (const [name, service] of services) {
      expect(service.network_mode).toBeUndefined();
      for (const entry of service.ports ?? []) {
        published.push(name);
        expect({ name, address: hostAddress(entry) }).toEqual({
          name,
          address: expect.stringMatching(/^(127\.0\.0\.1|::1|\[::1\])$/),
        });
        if (name !== 'gateway') {
          expect({ name, entry }).toEqual({ name, entry: expect.stringMatching(/^'?127\.0\.0\.1:/) });
        }
      }
    }
    // Internal services (ingest, routing, conversations, metrics) are reached over compose's network only.
    expect(new Set(published)).toEqual(new Set(['nats', 'postgres', 'twitter-sim', 'gateway']));
    expect(compose.services['gateway']?.ports).toEqual(['${ROOST_PUBLISH_ADDRESS:-127.0.0.1}:4000:4000']);
    expect([...LOOPBACK]).toContain(hostAddress(compose.services['gateway']?.ports?.[0] ?? ''));
  });

  it('has no demo secret and no default for any credential: each comes from .env, which compose requires', () => {
    expect(text).not.toContain(DEMO_JWT_SECRET);
    expect(envExample).not.toContain(DEMO_JWT_SECRET);
    const required = new Set<string>();
    for (const [name, service] of services) {
      for (const [key, value] of Object.entries(environmentOf(service))) {
        if (SECRET_NAME.test(key)) {
          expect({ service: name, key, value }).toEqual({
            service: name,
            key,
            value: expect.stringMatching(REQUIRED),
          });
          required.add(REQUIRED.exec(value)?.[1] ?? '');
        }
        // A password inside a URL (DATABASE_URL) is a credential too.
        const userinfo = /:\/\/[^:/@]+:([^@]+)@/.exec(value);
        if (userinfo) {
          expect({ service: name, key, password: userinfo[1] }).toEqual({
            service: name,
            key,
            password: expect.stringMatching(REQUIRED),
          });
          required.add(REQUIRED.exec(userinfo[1] ?? '')?.[1] ?? '');
        }
      }
    }
    expect([...required].sort()).toEqual(['JWT_SECRET', 'POSTGRES_PASSWORD', 'ROOST_DB_APP_PASSWORD']);
    // .env.example names each one, empty: copying it is not enough to start.
    for (const name of required) expect(envExample).toMatch(new RegExp(`^${name}=$`, 'm'));
  });

  it('keeps .env out of git and out of the image', () => {
    expect(read('.gitignore').split('\n')).toContain('.env');
    expect(read('.dockerignore').split('\n')).toEqual(expect.arrayContaining(['.env', '.env.*']));
  });
});

interface Instruction {
  readonly op: string;
  readonly args: string;
}

interface Stage {
  readonly name: string | undefined;
  readonly from: string;
  readonly instructions: Instruction[];
}

/** The Dockerfile's stages with their instructions (comments dropped, continuation lines joined). */
function stagesOf(dockerfile: string): Stage[] {
  const lines = dockerfile
    .split('\n')
    .filter((l) => !/^\s*#/.test(l))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const stages: Stage[] = [];
  for (const line of lines) {
    const [op = '', ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    if (op.toUpperCase() === 'FROM') {
      const m = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      stages.push({ from: m?.[1] ?? args, name: m?.[2], instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ op: op.toUpperCase(), args });
    }
  }

  return stages;
}

describe('Dockerfile: the final image has no dev dependencies, sources or tools, and does not run as root', () => {
  const stages = stagesOf(read('Dockerfile'));
  const final = stages.at(-1) as Stage;
  const of = (stage: Stage, op: string) => stage.instructions.filter((i) => i.op === op).map((i) => i.args);
  const byName = (name: string) => stages.find((s) => s.name === name);

  it('builds in an earlier stage and takes only its output', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    // Nothing in the final stage compiles or installs.
    expect(of(final, 'RUN').join('\n')).not.toMatch(/npm (ci|install|i)\b|npx|build-services|vite/);
    for (const copy of of(final, 'COPY')) {
      const parts = copy.split(/\s+/).filter((p) => !p.startsWith('--'));
      const sources = parts.slice(0, -1);
      const from = /--from=(\S+)/.exec(copy)?.[1];
      // Never the whole build context or the build's tree: only named outputs.
      expect(sources).not.toContain('.');
      expect(sources).not.toContain('/app');
      expect(sources.filter((s) => /(^|\/)(apps|libs|scripts|e2e|bench)\/?$/.test(s))).toEqual([]);
      if (!from) expect(sources).toEqual(['package.json']);
    }
  });

  it('installs its node_modules with --omit=dev, in a stage of their own', () => {
    const modules = of(final, 'COPY').filter((c) => /node_modules/.test(c));
    expect(modules).toHaveLength(1);
    const source = byName(/--from=(\S+)/.exec(modules[0] ?? '')?.[1] ?? '');
    expect(source).toBeDefined();
    const installs = of(source as Stage, 'RUN').filter((r) => /npm (ci|install)/.test(r));
    expect(installs.length).toBeGreaterThan(0);
    for (const install of installs) expect(install).toMatch(/--omit=dev/);
    // The stage that has the dev dependencies (the build) gives the final stage no node_modules.
    const withDev = stages.filter((s) => of(s, 'RUN').some((r) => /npm ci/.test(r) && !/--omit=dev/.test(r)));
    for (const stage of withDev) expect(modules[0]).not.toContain(`--from=${stage.name ?? ''}`);
  });

  it('leaves tests and source maps behind: the compiled services carry neither', () => {
    const build = byName(/--from=(\S+)\s+\S*dist\b/.exec(of(final, 'COPY').join('\n'))?.[1] ?? '') as Stage;
    expect(build).toBeDefined();
    const runs = of(build, 'RUN').join('\n');
    expect(runs).toMatch(/build-services/);
    expect(runs).toMatch(/find dist -name '\*\.map' -delete/);
    expect(runs).toMatch(/rm -rf dist\/libs\/testing dist\/apps\/\*\/src\/testing/);
  });

  it('runs as the unprivileged node user with NODE_ENV=production and plain node (no TypeScript loader)', () => {
    const users = of(final, 'USER');
    expect(users.at(-1)).toBe('node');
    expect(final.instructions.findIndex((i) => i.op === 'USER')).toBeLessThan(
      final.instructions.findIndex((i) => i.op === 'CMD'),
    );
    expect(of(final, 'ENV')).toContain('NODE_ENV=production');
    const cmd = of(final, 'CMD').at(-1) ?? '';
    expect(cmd).toMatch(/^\["node", "dist\/apps\/[a-z-]+\/src\/main\.js"\]$/);
    for (const [, service] of Object.entries(
      parse(read('docker-compose.yml'), { merge: true }).services as Record<string, { command?: string[] }>,
    )) {
      expect(service.command?.join(' ') ?? '').not.toMatch(/swc-node|ts-node|\.ts\b/);
    }
  });
});
