import { SeededRandom } from '../store/seeded-random';
import type { FaultSpec, PendingFault } from '../x-sim.types';

export const STREAM_ENDPOINT = 'GET /2/tweets/search/stream';

/** What the dispatcher does with one request a fault caught. */
export interface ServedFault {
  status: number;
  resetInSeconds: number;
  afterCommit: boolean;
  stallMs: number;
}

interface ArmedFault extends ServedFault {
  endpoint: string;
  /** Failures left for a counted fault; unused for a `rate` fault. */
  remaining: number;
  rate?: { probability: number; random: SeededRandom };
}

/**
 * Faults armed on demand: the next N requests to an endpoint fail with the given status, or each
 * one fails with a probability until cleared; either may commit first and may stall.
 */
export class FaultInjector {
  private readonly faults: ArmedFault[] = [];

  add(spec: FaultSpec): void {
    const endpoint = spec.endpoint === 'stream' ? STREAM_ENDPOINT : spec.endpoint;
    const rate = spec.rate === undefined ? undefined : Math.min(1, Math.max(0, spec.rate));
    this.faults.push({
      endpoint,
      status: spec.status,
      remaining: Math.max(1, spec.count ?? 1),
      resetInSeconds: spec.resetInSeconds ?? 60,
      afterCommit: spec.afterCommit === true,
      stallMs: Math.max(0, spec.stallMs ?? 0),
      ...(rate === undefined
        ? {}
        : { rate: { probability: rate, random: new SeededRandom(spec.seed ?? 1) } }),
    });
  }

  /**
   * The fault this request meets, if any: a counted fault is consumed; a rate fault draws once
   * per matching request (and, when it spares the request, lets later faults have their turn).
   */
  take(endpoint: string): ServedFault | undefined {
    for (const f of this.faults) {
      if (f.endpoint !== endpoint && f.endpoint !== '*') {
        continue;
      }
      if (f.rate) {
        if (f.rate.random.chance(f.rate.probability)) {
          return served(f);
        }
        continue;
      }
      f.remaining -= 1;
      if (f.remaining === 0) {
        this.faults.splice(this.faults.indexOf(f), 1);
      }

      return served(f);
    }

    return undefined;
  }

  pending(): PendingFault[] {
    return this.faults.map((f) => ({
      endpoint: f.endpoint,
      status: f.status,
      ...(f.rate ? { rate: f.rate.probability } : { remaining: f.remaining }),
      ...(f.afterCommit ? { afterCommit: true } : {}),
      ...(f.stallMs ? { stallMs: f.stallMs } : {}),
    }));
  }

  clear(): void {
    this.faults.length = 0;
  }
}

function served(f: ArmedFault): ServedFault {
  return {
    status: f.status,
    resetInSeconds: f.resetInSeconds,
    afterCommit: f.afterCommit,
    stallMs: f.stallMs,
  };
}
