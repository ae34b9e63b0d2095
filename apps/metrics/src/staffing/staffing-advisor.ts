import { serversNeeded, serviceLevel } from './erlang-c';

export interface StaffingInput {
  /** Mean conversations opened per hour, indexed by hour of week: (ISO weekday − 1) × 24 + hour. */
  arrivalsPerHour: readonly number[];
  /** Mean handle time (slot occupancy) in seconds. */
  handleSeconds: number;
  /** Conversations an agent works at once. */
  concurrency: number;
  /** Service level target: `level` (0..1) of conversations answered within `targetSeconds`. */
  targetSeconds: number;
  level: number;
  /** Agents scheduled per hour of week; null when unknown. */
  scheduled: readonly number[] | null;
}

export interface StaffingHour {
  day: number;
  hour: number;
  arrivals: number;
  trafficErlangs: number;
  agentsNeeded: number;
  scheduled: number | null;
  /** Scheduled − needed: negative is a shortfall. */
  gap: number | null;
  /** Service level the scheduled agents would reach (null when unknown). */
  scheduledServiceLevel: number | null;
}

/**
 * Agents needed per hour of week with Erlang C. Concurrency model: an agent working c
 * conversations at once counts as c servers, each busy for the measured handle time, because
 * handle time is measured as slot occupancy (assignment to resolution) and so already includes
 * the slowdown of working several conversations at once. Servers needed = Erlang C's N for the
 * target; agents = ⌈N / c⌉.
 */
export function adviseStaffing(i: StaffingInput): StaffingHour[] {
  const c = Math.max(1, Math.floor(i.concurrency));

  return Array.from({ length: 168 }, (_, how) => {
    const arrivals = i.arrivalsPerHour[how] ?? 0;
    const traffic = (arrivals * i.handleSeconds) / 3600;
    const slots = serversNeeded({
      traffic,
      targetSeconds: i.targetSeconds,
      handleSeconds: i.handleSeconds,
      level: i.level,
    });
    const agentsNeeded = Math.ceil(slots / c);
    const scheduled = i.scheduled ? (i.scheduled[how] ?? 0) : null;
    const scheduledServiceLevel =
      scheduled === null
        ? null
        : traffic === 0
          ? 1
          : serviceLevel({
              servers: scheduled * c,
              traffic,
              targetSeconds: i.targetSeconds,
              handleSeconds: i.handleSeconds,
            });

    return {
      day: Math.floor(how / 24) + 1,
      hour: how % 24,
      arrivals,
      trafficErlangs: traffic,
      agentsNeeded,
      scheduled,
      gap: scheduled === null ? null : scheduled - agentsNeeded,
      scheduledServiceLevel,
    };
  });
}
