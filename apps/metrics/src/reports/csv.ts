/** RFC 4180: quote fields holding a comma, quote or line break; a leading =,+,-,@ is defused for spreadsheets. */
function field(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s =
    typeof v === 'number'
      ? Number.isInteger(v)
        ? String(v)
        : String(Math.round(v * 1000) / 1000)
      : String(v);
  if (typeof v === 'string' && /^[=+\-@]/.test(s)) s = `'${s}`;

  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
  return [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
