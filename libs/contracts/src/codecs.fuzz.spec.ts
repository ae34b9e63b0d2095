import * as contracts from './index';
import { InvalidPayloadError, type Codec } from './index';
import { arbitraryOf, brokenBytesOf, hostileJsonOf } from '@roost/testing';
import type { TSchema } from '@sinclair/typebox';
import fc from 'fast-check';

/**
 * Every decoder on the bus, fuzzed (issue 12): random bytes, broken UTF-8, random text, and valid
 * payloads with one part made hostile. A decode returns a payload that re-encodes to the same, or
 * throws InvalidPayloadError (which every consumer dead-letters as `invalid_payload`, and RpcServer
 * answers as BAD_USER_INPUT); never anything else, and Object.prototype stays clean.
 * Bounded: a fixed seed (fast-check prints it and the counterexample's path on failure, so a failure
 * replays), RUNS per codec and property, and BUDGET_MS per codec and property on a loaded machine.
 */
const SEED = 20261204;
const RUNS = 12;
const BUDGET_MS = 100;

const isCodec = (v: unknown): v is Codec<TSchema> =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Codec<TSchema>).decode === 'function' &&
  'schema' in v &&
  'name' in v;

/** Walks every export (Events, LiveEvents, *Rpc, the codecs themselves), so a new contract is fuzzed with no edit here. */
function allCodecs(): Codec<TSchema>[] {
  const found = new Map<string, Codec<TSchema>>();
  const visit = (v: unknown, depth: number) => {
    if (isCodec(v)) found.set(v.name, v);
    else if (depth < 3 && typeof v === 'object' && v !== null) {
      for (const child of Object.values(v)) visit(child, depth + 1);
    }
  };
  visit(contracts, 0);

  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

const CODECS = allCodecs();
const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();
const PARAMS = {
  seed: SEED,
  numRuns: RUNS,
  interruptAfterTimeLimit: BUDGET_MS,
  markInterruptAsFailure: false,
};
const utf8 = new TextEncoder();

/** The property every input must satisfy. */
function decodesOrRefuses(codec: Codec<TSchema>, input: Uint8Array | string): void {
  let payload: unknown;
  try {
    payload = codec.decode(input);
  } catch (err) {
    if (!(err instanceof InvalidPayloadError)) {
      throw new Error(`${codec.name} threw ${String(err)}, not InvalidPayloadError`);
    }

    return;
  } finally {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_KEYS);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  }
  const bytes = codec.encode(payload);
  expect(Buffer.from(codec.encode(codec.decode(bytes))).toString()).toBe(Buffer.from(bytes).toString());
}

/** Runs one property per codec, so each is fuzzed RUNS times whatever the others cost. */
function forEveryCodec<Ts extends [unknown, ...unknown[]]>(
  property: (codec: Codec<TSchema>, valid: fc.Arbitrary<unknown>) => fc.IProperty<Ts>,
): number {
  for (const codec of CODECS) {
    try {
      fc.assert(property(codec, arbitraryOf(codec.schema)), PARAMS);
    } catch (err) {
      throw new Error(`${codec.name}: ${(err as Error).message}`);
    }
  }

  return CODECS.length;
}

describe('bus decoders under fuzzing', () => {
  it('finds every event and RPC codec', () => {
    const names = CODECS.map((c) => c.name);
    for (const def of Object.values(contracts.Events)) expect(names).toContain(def.codec.name);
    for (const def of Object.values(contracts.Rpc)) {
      expect(names).toEqual(expect.arrayContaining([def.request.name, def.response.name]));
    }
    expect(names).toContain(contracts.ApiKeyRpc.Create.request.name);
    expect(CODECS.length).toBeGreaterThan(60);
  });

  it('accepts and round-trips valid payloads derived from each schema', () => {
    const fuzzed = forEveryCodec((codec, valid) =>
      fc.property(valid, (value) => {
        expect(() => codec.check(value)).not.toThrow();
        const decoded = codec.decode(codec.encode(value));
        expect(codec.decode(codec.encode(decoded))).toEqual(decoded);
      }),
    );
    expect(fuzzed).toBe(CODECS.length);
  });

  it('decodes or refuses with InvalidPayloadError: hostile fields, extra keys, deep nesting, as text or bytes', () => {
    const fuzzed = forEveryCodec((codec, valid) =>
      fc.property(hostileJsonOf(valid), fc.boolean(), (text, asBytes) =>
        decodesOrRefuses(codec, asBytes ? utf8.encode(text) : text),
      ),
    );
    expect(fuzzed).toBe(CODECS.length);
  });

  it('refuses random bytes and truncated or invalid UTF-8, and survives random text', () => {
    const fuzzed = forEveryCodec((codec, valid) =>
      fc.property(
        brokenBytesOf(valid.map((v) => JSON.stringify(v))),
        fc.string({ unit: 'binary' }),
        (bytes, text) => {
          expect(() => codec.decode(bytes)).toThrow(InvalidPayloadError);
          decodesOrRefuses(codec, text);
        },
      ),
    );
    expect(fuzzed).toBe(CODECS.length);
  });
});
