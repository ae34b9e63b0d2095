import { Inject, Injectable } from '@nestjs/common';
import { ROOST_ENV, type RoostEnv } from '@roost/config';
import { DomainError, ErrorCode } from '@roost/contracts';

/**
 * `POST /media` bodies being read now, per caller and per gateway: each holds up to 15 MB in
 * memory until conversations has it, so both are capped (GATEWAY_MAX_UPLOADS_PER_AGENT,
 * GATEWAY_MAX_UPLOADS) and the next upload is refused before its body is read.
 */
@Injectable()
export class UploadSlots {
  private readonly perCaller = new Map<string, number>();
  private total = 0;
  private readonly maxPerCaller: number;
  private readonly max: number;

  constructor(@Inject(ROOST_ENV) env: RoostEnv) {
    this.maxPerCaller = env.auth.maxUploadsPerAgent;
    this.max = env.auth.maxUploads;
  }

  /** Takes a slot for `caller` and answers its release (call it once), or throws RATE_LIMITED. */
  take(caller: string): () => void {
    const mine = this.perCaller.get(caller) ?? 0;
    if (mine >= this.maxPerCaller) {
      throw new DomainError(ErrorCode.RateLimited, `at most ${this.maxPerCaller} uploads at once per agent`, {
        reason: 'TOO_MANY_UPLOADS',
        limit: this.maxPerCaller,
      });
    }
    if (this.total >= this.max) {
      throw new DomainError(
        ErrorCode.RateLimited,
        'the gateway is receiving too many uploads, try again shortly',
        {
          reason: 'GATEWAY_UPLOADS_BUSY',
          limit: this.max,
        },
      );
    }
    this.perCaller.set(caller, mine + 1);
    this.total++;
    let released = false;

    return () => {
      if (released) return;
      released = true;
      this.total--;
      const left = (this.perCaller.get(caller) ?? 1) - 1;
      if (left > 0) this.perCaller.set(caller, left);
      else this.perCaller.delete(caller);
    };
  }
}
