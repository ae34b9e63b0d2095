import { Kind, type TSchema } from '@sinclair/typebox';
import fc from 'fast-check';

/** Small lists and strings keep a run cheap; bounds from the schema still win when tighter. */
const MAX_ITEMS = 4;
const MAX_TEXT = 40;
const INT32 = 2 ** 31 - 1;

type Schema = TSchema & Record<string, unknown>;

/** fc.stringMatching compiles its regex into an arbitrary slowly (seconds for every Uuid field): once per pattern. */
const byPattern = new Map<string, fc.Arbitrary<string>>();
function matching(pattern: string): fc.Arbitrary<string> {
  let arb = byPattern.get(pattern);
  if (!arb) byPattern.set(pattern, (arb = fc.stringMatching(new RegExp(pattern))));

  return arb;
}

const num = (s: Schema, key: string): number | undefined =>
  typeof s[key] === 'number' ? (s[key] as number) : undefined;

/**
 * A fast-check arbitrary of VALID values for a TypeBox schema, derived from the schema itself so a
 * new contract is covered without a hand-written generator. A kind it does not know fails loudly:
 * a fuzz test that silently skipped a payload would prove nothing.
 */
export function arbitraryOf(schema: TSchema): fc.Arbitrary<unknown> {
  const s = schema as Schema;
  const kind = s[Kind] as string;
  switch (kind) {
    case 'Object': {
      const props = (s['properties'] ?? {}) as Record<string, TSchema>;
      const required = (s['required'] ?? []) as string[];
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, value] of Object.entries(props)) model[key] = arbitraryOf(value);

      return fc.record(model, { requiredKeys: required });
    }
    case 'String': {
      const min = num(s, 'minLength') ?? 0;
      const max = num(s, 'maxLength') ?? Number.MAX_SAFE_INTEGER;
      const fits = (v: string) => v.length >= min && v.length <= max;
      if (typeof s['pattern'] === 'string') return matching(s['pattern']).filter(fits);
      const cap = Math.min(max, Math.max(min, MAX_TEXT));

      // Any code point (astral ones are two UTF-16 units, which is what the schema counts), cut or
      // padded to the bounds rather than filtered: filtering rejected most draws near a tight bound.
      return fc.string({ unit: 'binary', maxLength: cap }).map((v) => v.slice(0, cap).padEnd(min, 'x'));
    }
    case 'Integer': {
      const min =
        num(s, 'minimum') ??
        (num(s, 'exclusiveMinimum') ?? -INT32 - 1) + (s['exclusiveMinimum'] === undefined ? 0 : 1);
      const max = num(s, 'maximum') ?? (num(s, 'exclusiveMaximum') ?? INT32 + 1) - 1;
      const small = fc.integer({ min: Math.max(min, -INT32 - 1), max: Math.min(max, INT32) });
      if (min >= -INT32 - 1 && max <= INT32) return small;
      // Beyond 32 bits too (follower counts), while JSON still carries the number exactly.
      const large = fc.integer({
        min: Math.max(min, Number.MIN_SAFE_INTEGER),
        max: Math.min(max, Number.MAX_SAFE_INTEGER),
      });

      return fc.oneof({ arbitrary: small, weight: 4 }, { arbitrary: large, weight: 1 });
    }
    case 'Number':
      return fc.double({
        noNaN: true,
        noDefaultInfinity: true,
        min: num(s, 'minimum') ?? num(s, 'exclusiveMinimum') ?? -Number.MAX_VALUE,
        max: num(s, 'maximum') ?? num(s, 'exclusiveMaximum') ?? Number.MAX_VALUE,
        minExcluded: s['exclusiveMinimum'] !== undefined,
        maxExcluded: s['exclusiveMaximum'] !== undefined,
      });
    case 'Boolean':
      return fc.boolean();
    case 'Literal':
      return fc.constant(s['const']);
    case 'Null':
      return fc.constant(null);
    case 'Union':
      return fc.oneof(...(s['anyOf'] as TSchema[]).map(arbitraryOf));
    case 'Array': {
      const min = num(s, 'minItems') ?? 0;

      return fc.array(arbitraryOf(s['items'] as TSchema), {
        minLength: min,
        maxLength: Math.min(num(s, 'maxItems') ?? MAX_ITEMS, Math.max(min, MAX_ITEMS)),
      });
    }
    case 'Intersect':
      return fc
        .tuple(...(s['allOf'] as TSchema[]).map(arbitraryOf))
        .map((parts) => Object.assign({}, ...parts) as unknown);
    case 'Record': {
      const [pattern, value] = Object.entries(s['patternProperties'] as Record<string, TSchema>)[0]!;

      return fc.dictionary(fc.stringMatching(new RegExp(pattern)), arbitraryOf(value), {
        maxKeys: MAX_ITEMS,
      });
    }
    case 'Unknown':
    case 'Any':
      return fc.jsonValue();
    default:
      throw new Error(`arbitraryOf: no generator for TypeBox kind ${kind}`);
  }
}
