import { classifyFailure, type FailureKind } from './failure-kind';
import type { Outcome } from './settlement';

/** A message that failed on its own: settled once the whole batch is through (see `decide`). */
interface FailedAlone {
  readonly failed: Exclude<FailureKind, 'transient'>;
  readonly reason: string;
}

export type Isolated = Outcome | FailedAlone;

export interface IsolationReport {
  /** Size of the part that failed, why, and what the consumer does next. */
  onFailure(info: {
    size: number;
    kind: FailureKind;
    reason: string;
    next: 'retry batch' | 'split' | 'alone';
  }): void;
}

function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Runs a handler over one consumer batch so that a failing message cannot fail the others
 * (RELIABILITY.md "between the database and the bus"). A batch that throws for a transient reason
 * is retried whole, as before. Any other failure splits the batch in halves, recursively, until the
 * messages at fault stand alone: every half that succeeds is settled with its own outcomes, so 1 bad
 * message among n costs about 2·log2(n) extra handler calls, not n. Handlers are idempotent by
 * unique keys, so re-running the part of a failed call that a handler had already committed (one
 * brand's transaction before another brand's failed) changes nothing.
 *
 * One instance per consumer batch: `succeeded` is the evidence that the handler works and that a
 * data error is the message's own fault, not a bad deploy that would dead-letter the whole stream.
 */
export class BatchIsolation<T> {
  private transient: string | undefined;
  private succeeded = false;
  split = false;

  constructor(
    private readonly handle: (part: readonly T[]) => Promise<Outcome[]>,
    private readonly report: IsolationReport,
  ) {}

  /** Outcomes for `part`, in order; messages that failed alone come back as FailedAlone. */
  async run(part: readonly T[]): Promise<Isolated[]> {
    if (part.length === 0) return [];
    // The database went away during a split: do not hammer it with the rest, retry it all later.
    if (this.transient !== undefined) return part.map(() => ({ kind: 'retry', reason: this.transient! }));
    try {
      const outcomes = await this.handle(part);
      if (outcomes.length !== part.length) {
        throw new Error(`handler returned ${outcomes.length} outcomes for ${part.length}`);
      }
      if (outcomes.some((o) => o.kind === 'done')) this.succeeded = true;

      return outcomes;
    } catch (err) {
      const kind = classifyFailure(err);
      const reason = reasonOf(err);
      if (kind === 'transient') {
        this.report.onFailure({ size: part.length, kind, reason, next: 'retry batch' });
        this.transient = reason;

        return part.map(() => ({ kind: 'retry', reason }));
      }
      if (part.length === 1) {
        this.report.onFailure({ size: 1, kind, reason, next: 'alone' });

        return [{ failed: kind, reason }];
      }
      this.report.onFailure({ size: part.length, kind, reason, next: 'split' });
      this.split = true;
      const mid = Math.ceil(part.length / 2);
      // In order: the first half settles before the second starts, as the batch would have.
      const first = await this.run(part.slice(0, mid));

      return [...first, ...(await this.run(part.slice(mid)))];
    }
  }

  /**
   * A data error (NUL in text, number out of range, CHECK/NOT NULL) is dead-lettered at once when
   * other messages of the batch went through; alone, or for an unexplained error, the message
   * retries by itself with growing delays and is dead-lettered after max_deliver.
   */
  decide(result: Isolated): Outcome {
    if (!('failed' in result)) return result;
    if (result.failed === 'deterministic' && this.succeeded) {
      return { kind: 'poison', reason: `data error: ${result.reason}` };
    }

    return { kind: 'retry', reason: result.reason };
  }

  static failedAlone(result: Isolated): boolean {
    return 'failed' in result;
  }
}
