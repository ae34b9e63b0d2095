import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ApiPartialResponseError, ApiRequestError, ApiResponseError } from 'twitter-api-v2';
import type { IngestMetrics } from '../common/ingest.metrics';

/**
 * The loop every polling source shares: one poll at a time, the next one `intervalMs` after the
 * previous ended, errors logged (never fatal), and a shutdown that waits for the poll in hand so
 * its cursor write is not cut off.
 */
export abstract class PollingSource implements OnApplicationBootstrap, OnModuleDestroy {
  protected readonly log = new Logger(this.constructor.name);
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> = Promise.resolve();
  private stopped = false;

  protected abstract readonly sourceName: string;
  protected abstract enabled(): boolean;
  protected abstract intervalMs(): number;
  abstract pollAll(): Promise<void>;

  protected constructor(protected readonly metrics: IngestMetrics) {}

  onApplicationBootstrap(): void {
    if (this.enabled()) this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.polling = this.pollAll()
        .catch((err: unknown) =>
          this.log.error({ err: (err as Error).message, source: this.sourceName }, 'poll failed'),
        )
        .finally(() => this.schedule(this.intervalMs()));
    }, delayMs);
  }

  /**
   * Counts and logs an X error; the limiter has already noted any 429/5xx back-off. Anything else
   * (the ledger is down) is rethrown: the poll fails and its cursor stays where it was.
   */
  protected onApiError(err: unknown): void {
    if (!isXApiError(err)) throw err;
    const status = err instanceof ApiResponseError ? String(err.code) : 'network';
    this.metrics.apiErrors.inc({ endpoint: this.sourceName, status });
    this.log.warn({ source: this.sourceName, status, err: (err as Error).message }, 'X API error');
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.polling;
  }
}

export function isXApiError(err: unknown): boolean {
  return (
    err instanceof ApiResponseError ||
    err instanceof ApiRequestError ||
    err instanceof ApiPartialResponseError
  );
}
