import type { SimStore } from '../store/sim-store';

export type ComplianceJobType = 'tweets' | 'users';
export type ComplianceJobStatus = 'created' | 'in_progress' | 'complete' | 'expired' | 'failed';

/** One batch compliance job, as `GET /2/compliance/jobs/:id` returns it (the URLs are filled per request). */
export interface SimComplianceJob {
  id: string;
  type: ComplianceJobType;
  name?: string;
  status: ComplianceJobStatus;
  resumable: false;
  created_at: string;
  upload_expires_at: string;
  download_expires_at: string;
  /** JSON lines, one per id that needs action; set once the job is complete. */
  results?: string;
}

interface Processing {
  results: string;
  readyAt: number;
}

/** X keeps a job's upload URL for 15 minutes and its results for a week. */
const UPLOAD_TTL_MS = 15 * 60_000;
const DOWNLOAD_TTL_MS = 7 * 24 * 3600_000;
/** X's cap on ids per job file. */
export const MAX_IDS_PER_JOB = 100_000;

/**
 * X's batch compliance (`POST /2/compliance/jobs`, upload the ids, download the results): the
 * result lists every uploaded id whose content must go, with X's reason. A tweet is reported when
 * deleted or when its author is protected, suspended or deactivated; a user when withdrawn.
 * Ids X never knew are left out, as on X. After the upload a job is `in_progress` for
 * `processingMs` (X takes minutes to hours), then `complete` with its results, which reflect the
 * content as it was at upload time.
 */
export class ComplianceJobs {
  private readonly jobs = new Map<string, SimComplianceJob>();
  private readonly processing = new Map<string, Processing>();
  private seq = 0;

  constructor(
    private readonly store: SimStore,
    private readonly clock: () => number,
    private readonly processingMs = 0,
  ) {}

  create(type: ComplianceJobType, name?: string): SimComplianceJob {
    const now = this.clock();
    const job: SimComplianceJob = {
      id: `${now}${String(++this.seq).padStart(6, '0')}`,
      type,
      ...(name ? { name } : {}),
      status: 'created',
      resumable: false,
      created_at: new Date(now).toISOString(),
      upload_expires_at: new Date(now + UPLOAD_TTL_MS).toISOString(),
      download_expires_at: new Date(now + DOWNLOAD_TTL_MS).toISOString(),
    };
    this.jobs.set(job.id, job);

    return job;
  }

  get(id: string): SimComplianceJob | undefined {
    const job = this.jobs.get(id);
    if (job) this.settle(job);

    return job;
  }

  list(type: ComplianceJobType, status?: ComplianceJobStatus): SimComplianceJob[] {
    for (const job of this.jobs.values()) this.settle(job);

    return [...this.jobs.values()].filter((j) => j.type === type && (!status || j.status === status));
  }

  /** An `in_progress` job whose processing time has passed completes, with its results. */
  private settle(job: SimComplianceJob): void {
    const p = this.processing.get(job.id);
    if (!p || this.clock() < p.readyAt) return;
    job.results = p.results;
    job.status = 'complete';
    this.processing.delete(job.id);
  }

  /** The uploaded file: one id per line. Returns false when the job is unknown or no longer takes uploads. */
  upload(id: string, body: string): boolean {
    const job = this.jobs.get(id);
    if (!job || job.status !== 'created') {
      return false;
    }
    const ids = body
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => /^[0-9]{1,19}$/.test(l))
      .slice(0, MAX_IDS_PER_JOB);
    const lines = ids.flatMap((x) => {
      const r = job.type === 'tweets' ? this.tweetResult(x) : this.userResult(x);

      return r
        ? [JSON.stringify({ id: x, action: 'delete', created_at: r.at, redacted_at: r.at, reason: r.reason })]
        : [];
    });
    this.processing.set(id, {
      results: lines.length ? `${lines.join('\n')}\n` : '',
      readyAt: this.clock() + this.processingMs,
    });
    job.status = 'in_progress';
    this.settle(job);

    return true;
  }

  private tweetResult(id: string): { reason: string; at: string } | undefined {
    const t = this.store.tweetRecord(id);
    if (!t) {
      return undefined;
    }
    if (t.deleted) {
      return { reason: 'deleted', at: t.deletedAt ?? t.created_at };
    }

    return this.userResult(t.author_id);
  }

  private userResult(id: string): { reason: string; at: string } | undefined {
    const c = this.store.userById(id)?.compliance;

    return c ? { reason: c.reason, at: c.at } : undefined;
  }

  reset(): void {
    this.jobs.clear();
    this.processing.clear();
  }
}
