import { Controller, Get, Header, HttpCode, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Registry } from 'prom-client';
import { ReadinessRegistry } from './readiness.registry';

@Controller()
export class HealthController {
  constructor(
    private readonly readiness: ReadinessRegistry,
    private readonly registry: Registry,
  ) {}

  /** The process is alive (event loop turning). Restart it only when this fails. */
  @Get('health/live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Dependencies reachable and consumers running: send it traffic. */
  @Get('health/ready')
  async ready(@Res() res: Response): Promise<void> {
    const result = await this.readiness.evaluate();
    res
      .status(result.ready ? 200 : 503)
      .json({ status: result.ready ? 'ok' : 'unavailable', checks: result.checks });
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
