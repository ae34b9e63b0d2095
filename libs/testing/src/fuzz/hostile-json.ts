import fc from 'fast-check';

/** Stands for a value too deep to build as an object (JSON.stringify would overflow first); spliced in as text. */
const DEEP = '"\u0000__roost_fuzz_deep__"';

/** Keys that pollute Object.prototype when code merges parsed input carelessly. */
export const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    '',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '\u202e',
    1e308,
    -1e308,
    2 ** 53 + 1,
    2 ** 64,
    5e-324,
    -0,
    true,
    null,
    [],
    {},
  ),
  fc.integer({ min: 1000, max: 70_000 }).map((n) => 'x'.repeat(n)),
  fc.constant(
    JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}') as unknown,
  ),
  fc.constant(DEEP),
);

type Path = (string | number)[];

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  }

  return out;
}

const define = (target: object, key: string | number, value: unknown) =>
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });

function mutate(
  value: unknown,
  path: Path,
  op: 'replace' | 'add' | 'delete',
  key: string,
  hostile: unknown,
): unknown {
  const copy = structuredClone(value);
  if (path.length === 0) return op === 'replace' ? hostile : copy;
  const parent = path
    .slice(0, -1)
    .reduce<unknown>((node, k) => (node as Record<string | number, unknown>)[k], copy) as Record<
    string | number,
    unknown
  >;
  const last = path.at(-1)!;
  const target = parent[last];
  if (op === 'replace') define(parent, last, hostile);
  else if (op === 'delete') delete parent[last];
  // own property, as JSON.parse would make it: plain assignment of __proto__ would set the prototype instead
  else if (typeof target === 'object' && target !== null && !Array.isArray(target)) {
    define(target, key, hostile);
  } else define(parent, last, hostile);

  return copy;
}

function toText(value: unknown, depth: number): string {
  return JSON.stringify(value)
    .split(JSON.stringify(DEEP.slice(1, -1)))
    .join(`${'['.repeat(depth)}${']'.repeat(depth)}`);
}

/**
 * JSON text of a valid payload with one part made hostile: a field replaced by a wrong type, a huge
 * or NUL-bearing string, a huge number, deep nesting or prototype-polluting keys; an extra field
 * added (often `__proto__` or `constructor`); or a required field deleted.
 */
export function hostileJsonOf(valid: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  return valid.chain((value) => {
    const paths = pathsOf(value);

    return fc
      .record({
        path: fc.constantFrom(...paths),
        op: fc.constantFrom('replace' as const, 'add' as const, 'delete' as const),
        key: fc.oneof(fc.constantFrom(...POLLUTING_KEYS), fc.string({ maxLength: 8 })),
        hostile: hostileValue,
        depth: fc.integer({ min: 1_000, max: 200_000 }),
      })
      .map(({ path, op, key, hostile, depth }) => toText(mutate(value, path, op, key, hostile), depth));
  });
}

/** Bytes that are not what a producer would send: random, truncated or invalid UTF-8 around real JSON. */
export function brokenBytesOf(validText: fc.Arbitrary<string>): fc.Arbitrary<Uint8Array> {
  const enc = new TextEncoder();

  return fc.oneof(
    fc.uint8Array({ maxLength: 256 }),
    validText.chain((text) => {
      // A multi-byte character at the end, so a cut can fall inside it.
      const bytes = enc.encode(`${text.slice(0, -1)}"é€😀"}`);

      return fc.integer({ min: 0, max: bytes.length - 1 }).map((n) => bytes.slice(0, n));
    }),
    validText.chain((text) =>
      fc.tuple(fc.nat(), fc.constantFrom(0xff, 0xc0, 0x80, 0xed, 0xf8)).map(([at, bad]) => {
        const bytes = enc.encode(text);
        const copy = new Uint8Array(bytes.length + 1);
        const i = at % (bytes.length + 1);
        copy.set(bytes.slice(0, i));
        copy[i] = bad;
        copy.set(bytes.slice(i), i + 1);

        return copy;
      }),
    ),
  );
}
