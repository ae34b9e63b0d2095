import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { readRoostEnv, RoostConfigModule } from '@roost/config';
import { configureGateway } from './transport/configure-gateway';

/** The gateway's HTTP configuration over a stand-in console build: what a browser receives. */
describe('console responses', () => {
  const dir = mkdtempSync(join(tmpdir(), 'roost-console-'));
  let app: NestExpressApplication;
  let base: string;

  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'app-1234.js'), 'console.log(1)');

    @Module({ imports: [RoostConfigModule.forRoot(readRoostEnv({}))] })
    class HttpOnly {}
    app = await NestFactory.create<NestExpressApplication>(HttpOnly, { logger: false });
    configureGateway(app, dir);
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['/', '/inbox/42', '/assets/app-1234.js'])(
    'carry the content security policy and frame protection (%s)',
    async (path) => {
      const res = await fetch(`${base}${path}`, { headers: { accept: 'text/html' } });

      expect(res.status).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    },
  );
});
