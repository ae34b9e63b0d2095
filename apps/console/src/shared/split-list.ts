/** "a, b ,, c" → ['a','b','c']: split on `by`, trimmed, empty items dropped; `clean` normalises each item. */
export function splitList(s: string, clean: (x: string) => string = (x) => x, by = ','): string[] {
  return s
    .split(by)
    .map((x) => clean(x.trim()))
    .filter((x) => x !== '');
}
