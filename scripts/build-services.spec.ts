import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildServices, builtMain } from './lib/build-services';

/** A repository in miniature: one service, one lib behind a `@roost/*` alias, a browser app, a test. */
function fixture(): string {
  const root = mkdtempSync(join(tmpdir(), 'roost-build-'));
  const files: Record<string, string> = {
    'tsconfig.base.json': JSON.stringify({
      compilerOptions: { paths: { '@roost/greet': ['libs/greet/src/index.ts'] } },
    }),
    'libs/greet/src/index.ts': 'export const greet = (name: string): string => `hi ${name}`;\n',
    'libs/greet/src/index.spec.ts': 'it("is a test, not shipped", () => undefined);\n',
    'apps/svc/src/data.json': '{ "name": "roost" }\n',
    'apps/svc/src/main.ts': [
      "import 'reflect-metadata';",
      "import { greet } from '@roost/greet';",
      "import data from './data.json';",
      'class Dep {}',
      'const Injectable = (): ClassDecorator => () => undefined;',
      '@Injectable()',
      'class Svc {',
      '  constructor(readonly dep: Dep) {}',
      '}',
      "const params = Reflect.getMetadata('design:paramtypes', Svc) as unknown[];",
      'console.log(JSON.stringify({ greeting: greet(data.name), injected: params[0] === Dep, name: Svc.name }));',
    ].join('\n'),
    'apps/web/src/main.tsx': 'export {};\n',
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }

  return root;
}

describe('building the services into dist/', () => {
  let root: string;

  beforeEach(() => {
    root = fixture();
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('compiles services and libs so plain node runs them, with aliases, JSON and the decorator metadata NestJS injects by', () => {
    expect(buildServices({ root })).toBe(3); // the lib, the JSON and main.ts
    const out = execFileSync(process.execPath, [join(root, builtMain('apps/svc/src/main.ts'))], {
      env: { ...process.env, NODE_PATH: join(__dirname, '..', 'node_modules') },
    }).toString();
    expect(JSON.parse(out)).toEqual({ greeting: 'hi roost', injected: true, name: 'Svc' });
  });

  it('leaves out tests and apps without a main.ts', () => {
    buildServices({ root });
    expect(existsSync(join(root, 'dist/libs/greet/src/index.js'))).toBe(true);
    expect(existsSync(join(root, 'dist/libs/greet/src/index.spec.js'))).toBe(false);
    expect(existsSync(join(root, 'dist/apps/web'))).toBe(false);
  });

  it('rebuilds only what changed since', () => {
    buildServices({ root });
    expect(buildServices({ root })).toBe(0);
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'libs/greet/src/index.ts'), later, later);
    expect(buildServices({ root })).toBe(1);
  });

  it('maps a source file to its build', () => {
    expect(builtMain('apps/routing/src/main.ts')).toBe(join('dist', 'apps', 'routing', 'src', 'main.js'));
  });
});
