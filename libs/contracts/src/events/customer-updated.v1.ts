import { Type, type Static } from '@sinclair/typebox';
import { codec } from '../codec';
import { IsoDate, Uuid, XId } from '../common';

/**
 * customer.updated, schema 1 (conversations): an agent changed a customer's VIP flag. Written to
 * conversations' outbox in the transaction of the change, only when the flag changed. Routing keeps
 * each brand's VIP customers (by X user id) for its priority boost and the rules' `vip` condition;
 * `at` orders changes (an older event than the one applied changes nothing).
 */
export const CustomerUpdatedV1 = Type.Object({
  schema: Type.Literal(1),
  brandId: Uuid,
  customerId: Uuid,
  xUserId: XId,
  vip: Type.Boolean(),
  actorId: Type.Union([Uuid, Type.Null()]),
  at: IsoDate,
});
export type CustomerUpdatedV1 = Static<typeof CustomerUpdatedV1>;
export const customerUpdatedV1 = codec('customer.updated.v1', CustomerUpdatedV1);
