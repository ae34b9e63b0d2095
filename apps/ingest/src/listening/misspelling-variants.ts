const SUBSTITUTIONS: ReadonlyArray<[string, string]> = [
  ['c', 'k'],
  ['k', 'c'],
  ['ph', 'f'],
  ['f', 'ph'],
  ['s', 'z'],
  ['z', 's'],
  ['y', 'i'],
  ['i', 'y'],
  ['ck', 'k'],
  ['ei', 'ie'],
  ['ie', 'ei'],
];

/**
 * Common misspellings of a brand name, most likely first: sound-alike substitutions, a doubled
 * or undoubled letter, an extra final e, a dropped inner letter, swapped neighbours. Deterministic,
 * so the X rules and the local matcher always agree.
 */
export function misspellingVariants(name: string, max: number): string[] {
  const w = name.toLowerCase();
  if (!/^[a-z]{4,30}$/.test(w) || max <= 0) return [];
  const out = new Set<string>();
  for (const [from, to] of SUBSTITUTIONS) {
    const i = w.indexOf(from);
    if (i >= 0) out.add(w.slice(0, i) + to + w.slice(i + from.length));
  }
  if (/[aeiou]$/.test(w)) out.add(`${w}${w[w.length - 1] ?? ''}`);
  for (let i = 1; i < w.length; i++) {
    if (w[i] === w[i - 1]) out.add(w.slice(0, i) + w.slice(i + 1));
  }
  for (let i = 1; i < w.length; i++) {
    if (w[i] !== w[i - 1] && !'aeiou'.includes(w[i] ?? '')) {
      out.add(w.slice(0, i + 1) + w[i] + w.slice(i + 1));
    }
  }
  for (let i = 1; i < w.length - 1; i++) out.add(w.slice(0, i) + w.slice(i + 1));
  for (let i = 1; i < w.length - 1; i++) {
    out.add(w.slice(0, i) + (w[i + 1] ?? '') + (w[i] ?? '') + w.slice(i + 2));
  }
  out.delete(w);

  return [...out].filter((v) => v.length >= 4).slice(0, max);
}
