const X_ESCAPES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/**
 * X v2 serves tweet text with `&`, `<` and `>` HTML-escaped; Roost keeps text as the customer
 * typed it. One pass, so `&amp;lt;` (a customer typing "&lt;") stays `&lt;`; nothing else is
 * decoded, since X escapes nothing else.
 */
export function unescapeXText(text: string): string {
  return text.replace(/&(?:amp|lt|gt);/g, (m) => X_ESCAPES[m]);
}
