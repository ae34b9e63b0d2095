import {
  appendSignature,
  characterLength,
  DM_LIMIT,
  formatSignature,
  PUBLIC_REPLY_LIMIT,
  validateReply,
  weightedLength,
  type ReplyChannel,
  type ReplyTextError,
} from '@roost/x-text';

export interface ComposerCheck {
  /** As X counts it: weighted for public replies, code points for DMs; signature included. */
  length: number;
  limit: number;
  /** "^AB", or null for DMs (the server signs public replies only). */
  signature: string | null;
  /** The exact text that will be posted. */
  finalText: string;
  errors: ReplyTextError[];
  /** Errors that make sending pointless (the server would refuse for certain). */
  blocking: boolean;
}

/**
 * The same checks the conversations service runs before posting (@roost/x-text), so the agent
 * sees the count, the signature and personal-data warnings while typing. Advisory: the server
 * also knows the brand's allowed contacts and banned phrases, and its answer is the one that counts.
 */
export function checkComposer(input: {
  text: string;
  initials: string;
  channel: ReplyChannel;
  /** The brand's banned phrases (brandGuidelines), warned about before sending. */
  bannedPhrases?: readonly string[];
}): ComposerCheck {
  let signature: string | null = null;
  if (input.channel === 'public') {
    try {
      signature = formatSignature(input.initials);
    } catch {
      signature = null; // the server will refuse too; the agent sees no signature preview
    }
  }
  const body = input.text.normalize('NFC').trim();
  const finalText = body ? appendSignature(body, signature ?? undefined) : '';
  const length = input.channel === 'public' ? weightedLength(finalText) : characterLength(finalText);
  const limit = input.channel === 'public' ? PUBLIC_REPLY_LIMIT : DM_LIMIT;
  const result = validateReply({
    text: input.text,
    signature: signature ?? undefined,
    channel: input.channel,
    bannedPhrases: input.bannedPhrases,
  });
  const errors = result.ok ? [] : result.errors;
  const blocking = errors.some((e) => e.code === 'REPLY_EMPTY' || e.code === 'REPLY_TOO_LONG');
  return { length, limit, signature, finalText, errors, blocking };
}
