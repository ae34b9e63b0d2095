import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pinoHttp from 'pino-http';
import { pinoHttpOptions } from './observability.module';

/** The service's own pino-http options, writing to memory: what would reach stdout. */
function capture(): { lines: string[]; server: Server } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done): void {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const logger = pinoHttp(pinoHttpOptions({ service: 'test', logLevel: 'info' }), sink);
  const server = createServer((req, res) => {
    logger(req, res);
    req.log.info(
      { input: { email: 'a@b.example', password: 'hunter2-body' }, apiKey: 'rk_field', secret: 's3' },
      'login',
    );
    req.log.info(
      {
        input: {
          newPassword: 'new-pw-body',
          currentPassword: 'cur-pw-body',
          initialPassword: 'init-pw-body',
        },
      },
      'password change',
    );
    req.log.info({ payload: { key: 'rk_live_verify_field' } }, 'api key verify');
    res.setHeader('set-cookie', 'session=cookie-out');
    res.end('ok');
  });

  return { lines, server };
}

describe('request logs', () => {
  it('redact every credential header and field', async () => {
    const { lines, server } = capture();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await fetch(`http://127.0.0.1:${port}/graphql`, {
        headers: {
          authorization: 'Bearer jwt-in-header',
          'x-api-key': 'rk_live_in_header',
          cookie: 'session=cookie-in',
          'proxy-authorization': 'Basic proxy-cred',
        },
      });
      // pino-http writes the completed-request line on the response's 'finish'.
      for (let i = 0; i < 100 && !lines.some((l) => l.includes('request completed')); i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    const all = lines.join('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const secret of [
      'jwt-in-header',
      'rk_live_in_header',
      'cookie-in',
      'proxy-cred',
      'cookie-out',
      'hunter2-body',
      'rk_field',
      '"s3"',
      'new-pw-body',
      'cur-pw-body',
      'init-pw-body',
      'rk_live_verify_field',
    ]) {
      expect(all).not.toContain(secret);
    }
    const done = JSON.parse(lines.find((l) => l.includes('request completed')) ?? '{}') as {
      req: { headers: Record<string, string> };
      res: { headers: Record<string, string> };
    };
    expect(done.req.headers).toMatchObject({
      authorization: '[redacted]',
      'x-api-key': '[redacted]',
      cookie: '[redacted]',
      'proxy-authorization': '[redacted]',
    });
    expect(done.res.headers['set-cookie']).toBe('[redacted]');
    expect(all).toContain('a@b.example');
  });
});
