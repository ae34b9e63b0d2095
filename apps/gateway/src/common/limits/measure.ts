/** A measure split in two: the operation proper, and its introspection (`__schema`/`__type`) subtrees. */
export interface Split {
  readonly data: number;
  readonly introspection: number;
}

export const ZERO: Split = { data: 0, introspection: 0 };

export function isIntrospectionRoot(fieldName: string): boolean {
  return fieldName === '__schema' || fieldName === '__type';
}
