import type { FaultSpec } from '../x-sim.types';

export const STREAM_ENDPOINT = 'GET /2/tweets/search/stream';

interface ArmedFault {
  endpoint: string;
  status: number;
  remaining: number;
  resetInSeconds: number;
}

/** Faults armed on demand: the next N requests to an endpoint fail with the given status. */
export class FaultInjector {
  private readonly faults: ArmedFault[] = [];

  add(spec: FaultSpec): void {
    const endpoint = spec.endpoint === 'stream' ? STREAM_ENDPOINT : spec.endpoint;
    this.faults.push({
      endpoint,
      status: spec.status,
      remaining: Math.max(1, spec.count ?? 1),
      resetInSeconds: spec.resetInSeconds ?? 60,
    });
  }

  /** Consumes one failure for this endpoint, if any is armed. */
  take(endpoint: string): ArmedFault | undefined {
    const f = this.faults.find((x) => x.remaining > 0 && (x.endpoint === endpoint || x.endpoint === '*'));
    if (!f) {
      return undefined;
    }
    f.remaining -= 1;
    if (f.remaining === 0) {
      this.faults.splice(this.faults.indexOf(f), 1);
    }

    return f;
  }

  pending(): Array<{ endpoint: string; status: number; remaining: number }> {
    return this.faults.map(({ endpoint, status, remaining }) => ({ endpoint, status, remaining }));
  }

  clear(): void {
    this.faults.length = 0;
  }
}
