import { randomBytes } from 'node:crypto';

/** A throw-away name for one test's schemas and streams: `t_<10 hex>`. */
export function uniqueNamespace(prefix = 't'): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}
