/**
 * Erlang C (M/M/N queue): the probability that an arrival waits, the service level and the
 * average speed of answer, for traffic A erlangs offered to N servers.
 *
 * Computed through the Erlang B recursion B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)) and
 * C = N·B / (N − A·(1 − B)): no factorials or powers, so it stays exact to double precision for
 * hundreds of servers where the textbook formula overflows.
 */
export function erlangB(servers: number, traffic: number): number {
  let b = 1;
  for (let n = 1; n <= servers; n++) b = (traffic * b) / (n + traffic * b);

  return b;
}

/** Probability of waiting; 1 when the servers cannot keep up (N ≤ A: the queue grows without bound). */
export function erlangC(servers: number, traffic: number): number {
  if (traffic <= 0) return 0;
  if (servers <= traffic) return 1;
  const b = erlangB(servers, traffic);

  return (servers * b) / (servers - traffic * (1 - b));
}

export interface ServiceLevelInput {
  servers: number;
  /** Offered traffic in erlangs: arrivals per unit time × mean handle time in the same unit. */
  traffic: number;
  /** Answer within this many seconds … */
  targetSeconds: number;
  /** … given this mean handle time in seconds. */
  handleSeconds: number;
}

/** Share of arrivals answered within the target: 1 − C·e^(−(N−A)·T/AHT). */
export function serviceLevel(i: ServiceLevelInput): number {
  if (i.servers <= i.traffic) return 0;

  return (
    1 -
    erlangC(i.servers, i.traffic) * Math.exp((-(i.servers - i.traffic) * i.targetSeconds) / i.handleSeconds)
  );
}

/** Average speed of answer in seconds: C·AHT / (N − A). */
export function averageSpeedOfAnswer(i: Omit<ServiceLevelInput, 'targetSeconds'>): number {
  if (i.servers <= i.traffic) return Number.POSITIVE_INFINITY;

  return (erlangC(i.servers, i.traffic) * i.handleSeconds) / (i.servers - i.traffic);
}

/** The fewest servers reaching `level` (0..1) within the target; 0 when no traffic. */
export function serversNeeded(
  i: Omit<ServiceLevelInput, 'servers'> & { level: number; max?: number },
): number {
  if (i.traffic <= 0) return 0;
  const max = i.max ?? 10_000;
  for (let n = Math.max(1, Math.floor(i.traffic) + 1); n <= max; n++) {
    if (serviceLevel({ ...i, servers: n }) >= i.level) return n;
  }

  return max;
}
