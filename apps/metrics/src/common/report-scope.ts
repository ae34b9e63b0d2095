import {
  DomainError,
  ErrorCode,
  forbidden,
  managesBrand,
  type AgentRole,
  type ReportFilter,
} from '@roost/contracts';
import { DateTime } from 'luxon';

/** What a report covers: one brand, a time range read in a zone, a filter. */
export interface ReportScope {
  brandId: string;
  from: Date;
  to: Date;
  timezone: string;
  filter: ReportFilter;
}

/** At most about five years per report: bounds the work one request can ask for. */
const MAX_RANGE_MS = 5 * 366 * 86_400_000;

export interface Acting {
  brandId: string;
  actorId: string;
  actorRole: AgentRole;
}

/** Brand-wide figures are for supervisors and admins; an agent may see their own conversations only. */
export function authorize(a: Acting, filter: ReportFilter | undefined, opts: { ownAllowed: boolean }): void {
  if (managesBrand(a.actorRole)) return;
  const own = filter?.agentIds?.length === 1 && filter.agentIds[0] === a.actorId;
  if (opts.ownAllowed && own) return;
  throw forbidden(
    opts.ownAllowed ? 'OWN_FIGURES_ONLY' : 'SUPERVISOR_REQUIRED',
    'supervisors and admins only',
  );
}

/** `2026-03-01` is local midnight in the zone; an instant with an offset is taken as is. */
export function parseInstant(value: string, zone: string, field: string): Date {
  const dt = DateTime.fromISO(value, { zone, setZone: false });
  if (!dt.isValid) {
    throw new DomainError(ErrorCode.BadUserInput, `${field} is not an ISO date`, { field, value });
  }

  return dt.toJSDate();
}

export function reportScope(
  r: Acting & { from: string; to: string; timezone: string; filter?: ReportFilter },
): ReportScope {
  if (!DateTime.now().setZone(r.timezone).isValid) {
    throw new DomainError(ErrorCode.BadUserInput, `unknown timezone ${r.timezone}`, { field: 'timezone' });
  }
  const from = parseInstant(r.from, r.timezone, 'from');
  const to = parseInstant(r.to, r.timezone, 'to');
  if (to.getTime() <= from.getTime()) {
    throw new DomainError(ErrorCode.BadUserInput, 'to must be after from', { field: 'to' });
  }
  if (to.getTime() - from.getTime() > MAX_RANGE_MS) {
    throw new DomainError(ErrorCode.BadUserInput, 'range too long', { field: 'to' });
  }

  return { brandId: r.brandId, from, to, timezone: r.timezone, filter: r.filter ?? {} };
}

export function weeksIn(scope: ReportScope): number {
  return (scope.to.getTime() - scope.from.getTime()) / (7 * 86_400_000);
}
