import { Inject, Injectable } from '@nestjs/common';
import { ROOST_ENV, type IngestEnv, type RoostEnv } from '@roost/config';
import {
  ComplianceRpc,
  Events,
  HELD_IDS_PAGE_MAX,
  complianceMsgId,
  type ComplianceContentWithdrawnV1,
  type WithdrawalReason,
} from '@roost/contracts';
import { EventBus, RpcClient } from '@roost/messaging';
import type { BatchComplianceJobV2, BatchComplianceV2JobResult } from 'twitter-api-v2';
import { BrandDirectory } from '../accounts/brand-directory';
import { XBudgetService } from '../budget/x-budget.service';
import { IngestMetrics } from '../common/ingest.metrics';
import { APP_TOKEN, XAppClient } from '../x-api/x-app-client';
import { DueSchedule } from './due-schedule';
import { PollingSource } from './polling-source';

const CREATE = 'POST /2/compliance/jobs';
const STATUS = 'GET /2/compliance/jobs/:id';
/** Each brand's ids are checked once a day (X's terms: within 24 hours); ticks (INGEST_COMPLIANCE_TICK_MS) check jobs in flight. */
const PASS_EVERY_MS = 24 * 3600_000;
/** X's cap on ids per job file. */
const MAX_IDS_PER_JOB = 100_000;
/** A job X has not completed in this long is given up (X keeps the upload URL 15 minutes, jobs finish within hours). */
const JOB_GIVE_UP_MS = 6 * 3600_000;
const KINDS = ['tweets', 'users'] as const;
type Kind = (typeof KINDS)[number];
const REASONS: readonly string[] = [
  'deleted',
  'protected',
  'suspended',
  'deactivated',
] satisfies WithdrawalReason[];

interface InFlight {
  brandId: string;
  job: BatchComplianceJobV2;
  /** Where this brand's next chunk starts (null: the pass ends with this job). */
  next: string | null;
  startedAt: number;
}

/**
 * X's batch compliance (API v2, `POST /2/compliance/jobs`, every paid tier): once a day per brand,
 * upload the tweet ids and user ids Roost holds (conversations owns them: `ComplianceRpc.HeldIds`),
 * poll the job, download the results and publish compliance.content_withdrawn for each id X says
 * must go. Compliance streams (`/2/tweets/compliance/stream`) push the same facts live but are
 * Enterprise-only and twitter-api-v2 has no client for them; batch jobs are what a brand's tier
 * and the library offer. X runs one job per type at a time, so at most one job per kind is in
 * flight across brands; it is polled on later ticks, never blocked on (X takes minutes to hours).
 * A restart forgets the job in flight: the next pass uploads again (jobs cost no post reads).
 */
@Injectable()
export class ComplianceJobsSource extends PollingSource {
  protected readonly sourceName = 'compliance';
  private readonly due = new DueSchedule();
  private readonly inFlight = new Map<Kind, InFlight>();
  /** Brand and kind → the held-ids cursor of a pass that spans several jobs. */
  private readonly cursors = new Map<string, string>();
  /** Resolves at shutdown: a held-ids request to a conversations that does not answer is not waited for. */
  private stopping!: () => void;
  private readonly shutdown = new Promise<'stopped'>((resolve) => (this.stopping = () => resolve('stopped')));
  private readonly settings: IngestEnv;

  constructor(
    @Inject(ROOST_ENV) env: RoostEnv,
    private readonly x: XAppClient,
    private readonly directory: BrandDirectory,
    private readonly rpc: RpcClient,
    private readonly bus: EventBus,
    private readonly budget: XBudgetService,
    metrics: IngestMetrics,
  ) {
    super(metrics);
    this.settings = env.ingest;
  }

  protected enabled(): boolean {
    return true;
  }

  protected intervalMs(): number {
    return this.settings.complianceTickMs;
  }

  /** One tick: settle jobs in flight, then start the next due brand's job for each free kind. */
  async pollAll(): Promise<void> {
    for (const kind of KINDS) {
      const flying = this.inFlight.get(kind);
      if (flying) {
        await this.check(kind, flying);
        if (this.inFlight.has(kind)) continue;
      }
      for (const brand of this.directory.all()) {
        const key = `${brand.brandId}:${kind}`;
        if (!this.due.isDue(key)) continue;
        if (this.x.limiter.waitMs(CREATE, APP_TOKEN) > 0) {
          this.metrics.rateLimitWaits.inc({ endpoint: CREATE });

          return;
        }
        const started = await this.start(brand.brandId, kind);
        if (started) {
          await this.check(kind, started);
          break;
        }
      }
    }
  }

  /** Uploads the brand's next chunk of held ids; undefined when it holds none (pass done). */
  private async start(brandId: string, kind: Kind): Promise<InFlight | undefined> {
    const key = `${brandId}:${kind}`;
    const ids: string[] = [];
    let after = this.cursors.get(key) ?? null;
    let next: string | null = after;
    while (ids.length < MAX_IDS_PER_JOB) {
      const limit = Math.min(HELD_IDS_PAGE_MAX, MAX_IDS_PER_JOB - ids.length);
      const request = this.rpc.request(ComplianceRpc.HeldIds, { brandId, kind, after, limit });
      request.catch(() => undefined); // settled below, or abandoned at shutdown
      const page = await Promise.race([request, this.shutdown]);
      if (page === 'stopped') return undefined;
      ids.push(...page.ids);
      next = page.next;
      if (!page.next) break;
      after = page.next;
    }
    if (ids.length === 0) {
      this.endPass(key);

      return undefined;
    }
    try {
      const created = await this.x.api.v2.sendComplianceJob({
        type: kind,
        name: `roost-${kind}-${brandId}`,
        ids,
      });
      this.budget.record({ brandId, source: 'compliance', calls: 2, items: 0 });
      const flying: InFlight = { brandId, job: created.data, next, startedAt: Date.now() };
      this.inFlight.set(kind, flying);

      return flying;
    } catch (err) {
      this.budget.record({ brandId, source: 'compliance', calls: 1, items: 0 });
      this.onApiError(err);
      this.due.done(key, this.settings.complianceTickMs);

      return undefined;
    }
  }

  /** Polls one job; when complete, downloads the results and publishes them. */
  private async check(kind: Kind, flying: InFlight): Promise<void> {
    const key = `${flying.brandId}:${kind}`;
    if (this.x.limiter.waitMs(STATUS, APP_TOKEN) > 0) {
      this.metrics.rateLimitWaits.inc({ endpoint: STATUS });

      return;
    }
    let job: BatchComplianceJobV2;
    let results: BatchComplianceV2JobResult[];
    try {
      job = (await this.x.api.v2.complianceJob(flying.job.id)).data;
      this.budget.record({ brandId: flying.brandId, source: 'compliance', calls: 1, items: 0 });
      if (job.status === 'created' || job.status === 'in_progress') {
        if (Date.now() - flying.startedAt > JOB_GIVE_UP_MS) {
          this.giveUp(kind, key, `job ${job.id} still ${job.status}`);
        }

        return;
      }
      if (job.status !== 'complete') {
        this.giveUp(kind, key, `job ${job.id} ${job.status}${job.error ? `: ${job.error}` : ''}`);

        return;
      }
      // Complete: the library downloads at once (it only waits while a job runs).
      results = await this.x.api.v2.complianceJobResult(job);
    } catch (err) {
      this.onApiError(err);

      return;
    }
    await this.publish(flying.brandId, kind, results);
    this.inFlight.delete(kind);
    if (flying.next) {
      this.cursors.set(key, flying.next);
    } else {
      this.endPass(key);
    }
  }

  private async publish(
    brandId: string,
    kind: Kind,
    results: readonly BatchComplianceV2JobResult[],
  ): Promise<void> {
    const detectedAt = new Date().toISOString();
    const items = results
      .filter((r) => r.action === 'delete' && REASONS.includes(r.reason))
      .map((r) => {
        const payload: ComplianceContentWithdrawnV1 = {
          schema: 1,
          brandId,
          kind: kind === 'tweets' ? 'tweet' : 'user',
          xId: r.id,
          reason: r.reason as WithdrawalReason,
          withdrawnAt: new Date(r.created_at).toISOString(),
          detectedAt,
        };

        return { payload, opts: { brandId, msgId: complianceMsgId(payload) } };
      });
    if (items.length) await this.bus.publishAll(Events.ComplianceContentWithdrawn, items);
    this.log.log(
      { brandId, kind, reported: results.length, published: items.length },
      'compliance job settled',
    );
  }

  override async onModuleDestroy(): Promise<void> {
    this.stopping();
    await super.onModuleDestroy();
  }

  private endPass(key: string): void {
    this.cursors.delete(key);
    this.due.done(key, PASS_EVERY_MS);
  }

  private giveUp(kind: Kind, key: string, why: string): void {
    this.log.warn({ key, why }, 'compliance job given up; retrying on the next tick');
    this.inFlight.delete(kind);
    this.due.done(key, this.settings.complianceTickMs);
  }
}
