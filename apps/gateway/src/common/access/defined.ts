/**
 * Drops keys whose value is undefined or null: class-transformer instances carry every declared
 * key, and contract schemas with optional fields want them absent, not null.
 */
export function defined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], null> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined && v !== null) out[k] = v;

  return out as { [K in keyof T]: Exclude<T[K], null> };
}
