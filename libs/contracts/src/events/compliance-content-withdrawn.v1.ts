import { Type, type Static } from '@sinclair/typebox';
import { codec } from '../codec';
import { IsoDate, Uuid, XId } from '../common';

/** X's compliance reasons that make content go (`scrub_geo` only strips location, which Roost never stores). */
export const WithdrawalReason = Type.Union([
  Type.Literal('deleted'),
  Type.Literal('protected'),
  Type.Literal('suspended'),
  Type.Literal('deactivated'),
]);
export type WithdrawalReason = Static<typeof WithdrawalReason>;

/**
 * compliance.content_withdrawn, schema 1 (ingest): X says content Roost holds for a brand must be
 * removed (developer terms). `tweet`: the tweet was deleted, or its author protected, suspended or
 * deactivated the account; `user`: the account itself. Published with msg id
 * `compliance:<brand>:<kind>:<xId>:<reason>`; consumers are idempotent (redacting twice is a no-op)
 * and an id Roost does not hold is a no-op. Additive changes only (STYLE.md practice 3).
 */
export const ComplianceContentWithdrawnV1 = Type.Object({
  schema: Type.Literal(1),
  brandId: Uuid,
  kind: Type.Union([Type.Literal('tweet'), Type.Literal('user')]),
  xId: XId,
  reason: WithdrawalReason,
  /** When X recorded the change (the compliance result's `created_at`). */
  withdrawnAt: IsoDate,
  detectedAt: IsoDate,
});
export type ComplianceContentWithdrawnV1 = Static<typeof ComplianceContentWithdrawnV1>;
export const complianceContentWithdrawnV1 = codec(
  'compliance.content_withdrawn.v1',
  ComplianceContentWithdrawnV1,
);

export function complianceMsgId(
  e: Pick<ComplianceContentWithdrawnV1, 'brandId' | 'kind' | 'xId' | 'reason'>,
): string {
  return `compliance:${e.brandId}:${e.kind}:${e.xId}:${e.reason}`;
}
