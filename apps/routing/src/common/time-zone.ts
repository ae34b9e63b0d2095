import { DomainError, ErrorCode } from '@roost/contracts';
import { DateTime } from 'luxon';

/** BAD_USER_INPUT unless `zone` is a real IANA zone. */
export function requireZone(zone: string): void {
  if (!DateTime.now().setZone(zone).isValid) {
    throw new DomainError(ErrorCode.BadUserInput, `unknown timezone ${zone}`, { field: 'timezone' });
  }
}
