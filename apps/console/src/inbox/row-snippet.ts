/** What a conversation row needs to show its snippet. */
export interface SnippetSource {
  customer: { withdrawnAt?: string | null };
  messages: ReadonlyArray<{ direction: string; text: string; deleted: boolean }>;
}

/** X compliance removed the text: say why instead (the row has no per-message reason, the customer does). */
export function removedLabel(c: SnippetSource): string {
  return c.customer.withdrawnAt ? 'Removed: the author withdrew their account' : 'Deleted by the author';
}

/** The customer's latest message (else the latest of any), as the inbox row shows it. */
export function rowSnippet(c: SnippetSource): string {
  const show = (m: SnippetSource['messages'][number]) => (m.deleted ? removedLabel(c) : m.text);
  for (let i = c.messages.length - 1; i >= 0; i--) {
    const m = c.messages[i]!;
    if (m.direction === 'INBOUND') return show(m);
  }
  const last = c.messages[c.messages.length - 1];

  return last ? show(last) : '';
}
