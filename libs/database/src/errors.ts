/** PostgreSQL error classes worth telling apart: transient ones are retried, the rest are not. */
export function isTransientDbError(err: unknown): boolean {
  const code = (err as { code?: string })?.code;
  if (typeof code === 'string') {
    // serialization_failure, deadlock_detected, lock_not_available, connection exceptions,
    // admin shutdown / cannot connect now, query canceled (statement timeout)
    return ['40001', '40P01', '55P03', '57P01', '57P03', '57014'].includes(code) || code.startsWith('08');
  }
  const message = (err as Error)?.message ?? '';

  return /ECONNREFUSED|ECONNRESET|timeout|Connection terminated|not queryable/i.test(message);
}

export function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string })?.code === '23505';
}
