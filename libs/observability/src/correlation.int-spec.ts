import type { AddressInfo } from 'node:net';
import { Module } from '@nestjs/common';
import { bootstrapService } from './bootstrap';
import { CORRELATION_HTTP_HEADER } from './correlation';
import { ObservabilityModule } from './observability.module';

@Module({ imports: [ObservabilityModule.forRoot({ service: 'correlation-test', logLevel: 'silent' })] })
class TestApp {}

describe('every HTTP request is handled under a correlation id', () => {
  it("echoes the caller's X-Correlation-Id, refuses a malformed one and otherwise makes one up", async () => {
    const app = await bootstrapService({ module: TestApp, port: 0, host: '127.0.0.1' });
    try {
      const { port } = app.getHttpServer().address() as AddressInfo;
      const get = (headers: Record<string, string> = {}) =>
        fetch(`http://127.0.0.1:${port}/health/live`, { headers });
      expect(
        (await get({ [CORRELATION_HTTP_HEADER]: 'acme:1234' })).headers.get(CORRELATION_HTTP_HEADER),
      ).toBe('acme:1234');
      const made = (await get()).headers.get(CORRELATION_HTTP_HEADER);
      expect(made).toMatch(/^[0-9a-f-]{36}$/);
      const refused = (await get({ [CORRELATION_HTTP_HEADER]: 'x'.repeat(300) })).headers.get(
        CORRELATION_HTTP_HEADER,
      );
      expect(refused).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await app.close();
    }
  });
});
