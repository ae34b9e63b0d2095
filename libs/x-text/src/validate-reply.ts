import { findPii, PiiType } from '@roost/classify/pii';

import { checkGuidelines } from './guidelines';
import { ReplyChannel, ReplyTextError, ReplyTextErrorCode } from './reply-text-error';
import { appendSignature } from './signature';
import { characterLength, weightedLength } from './weighted-length';
import { DM_LIMIT, PUBLIC_REPLY_LIMIT } from './x-text.constants';

export interface ValidateReplyInput {
  text: string;
  /** Agent initials ("AB" or "^AB"), appended as " ^AB" and counted in the limit. */
  signature?: string;
  channel: ReplyChannel;
  /** The brand's handles: an address at the brand's own domain is not personal data. */
  brandHandles?: readonly string[];
  /** The brand's own public contact details (support phone, email) that may appear in public. */
  allowedContacts?: readonly string[];
  bannedPhrases?: readonly string[];
}

export type ValidateReplyResult =
  | { ok: true; finalText: string; weightedLength: number; remaining: number }
  | { ok: false; errors: ReplyTextError[] };

const compact = (s: string): string => s.replace(/[\s().-]/g, '').toLowerCase();

/**
 * Checks a reply before it is posted: the text X will see (NFC, trimmed, signature appended)
 * against the channel's limit, personal data in public, and the brand's banned phrases.
 * All errors are returned at once so the composer can show them together.
 */
export function validateReply(input: ValidateReplyInput): ValidateReplyResult {
  const body = input.text.normalize('NFC').trim();
  if (body.length === 0) return { ok: false, errors: [{ code: ReplyTextErrorCode.ReplyEmpty }] };

  const finalText = appendSignature(body, input.signature).normalize('NFC');
  const errors: ReplyTextError[] = [];
  const limit = input.channel === 'public' ? PUBLIC_REPLY_LIMIT : DM_LIMIT;
  const length = input.channel === 'public' ? weightedLength(finalText) : characterLength(finalText);
  if (length > limit) {
    errors.push({
      code: ReplyTextErrorCode.ReplyTooLong,
      channel: input.channel,
      limit,
      length,
      overflow: length - limit,
    });
  }

  if (input.channel === 'public') {
    const allowed = new Set((input.allowedContacts ?? []).map(compact));
    const matches = findPii(finalText, { brandHandles: input.brandHandles }).filter(
      (m) => !allowed.has(compact(finalText.slice(m.start, m.end))),
    );
    if (matches.length > 0) {
      const piiTypes = [...new Set(matches.map((m) => m.type))] as PiiType[];
      errors.push({ code: ReplyTextErrorCode.PiiInPublicReply, piiTypes, matches, suggestion: 'dm' });
    }
  }

  if (input.bannedPhrases && input.bannedPhrases.length > 0) {
    const matches = checkGuidelines(finalText, input.bannedPhrases);
    if (matches.length > 0) errors.push({ code: ReplyTextErrorCode.GuidelineViolation, matches });
  }

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, finalText, weightedLength: length, remaining: limit - length };
}
