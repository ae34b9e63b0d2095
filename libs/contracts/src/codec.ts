import type { Static, TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';

/** A payload that does not match its contract: a poison message on the bus, BAD_USER_INPUT at an edge. */
export class InvalidPayloadError extends Error {
  constructor(
    readonly contract: string,
    readonly problems: readonly string[],
  ) {
    super(`invalid ${contract}: ${problems.slice(0, 5).join('; ')}`);
    this.name = 'InvalidPayloadError';
  }
}

export interface Codec<S extends TSchema> {
  readonly name: string;
  readonly schema: S;
  /** Parse bytes and check them against the compiled schema. Throws InvalidPayloadError. */
  decode(data: Uint8Array | string): Static<S>;
  /** Check an already parsed value. Throws InvalidPayloadError. */
  check(value: unknown): Static<S>;
  encode(value: Static<S>): Uint8Array;
}

const utf8Decoder = new TextDecoder('utf-8', { fatal: true });
const utf8Encoder = new TextEncoder();

/**
 * Compiles a TypeBox schema once into a validator (PERFORMANCE.md B7: decode + validate must stay
 * within 2x of JSON.parse; class-validator on the bus runs at 0.1x).
 */
export function codec<S extends TSchema>(name: string, schema: S): Codec<S> {
  const compiled: TypeCheck<S> = TypeCompiler.Compile(schema);
  const check = (value: unknown): Static<S> => {
    if (compiled.Check(value)) return value;
    const problems: string[] = [];
    for (const err of compiled.Errors(value)) {
      problems.push(`${err.path || '/'} ${err.message}`);
      if (problems.length >= 10) break;
    }
    throw new InvalidPayloadError(name, problems);
  };

  return {
    name,
    schema,
    check,
    decode(data) {
      let text: string;
      let parsed: unknown;
      try {
        text = typeof data === 'string' ? data : utf8Decoder.decode(data);
        parsed = JSON.parse(text);
      } catch (err) {
        throw new InvalidPayloadError(name, [`not UTF-8 JSON: ${(err as Error).message}`]);
      }

      return check(parsed);
    },
    encode(value) {
      return utf8Encoder.encode(JSON.stringify(value));
    },
  };
}
