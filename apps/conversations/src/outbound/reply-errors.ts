import { DomainError, ErrorCode } from '@roost/contracts';
import type { ReplyTextError } from '@roost/x-text';

/** Plain words for the agent: which limit, by how much, what to do instead. */
export function describeReplyError(e: ReplyTextError): string {
  switch (e.code) {
    case 'REPLY_TOO_LONG':
      return `reply is ${e.length} of ${e.limit} ${e.channel === 'public' ? 'weighted characters' : 'characters'} (${e.overflow} over)`;
    case 'REPLY_EMPTY':
      return 'reply is empty';
    case 'PII_IN_PUBLIC_REPLY':
      return `a public reply may not contain personal data (${e.piiTypes.join(', ')}); send it as a DM`;
    case 'GUIDELINE_VIOLATION':
      return `reply breaks the brand guidelines (${e.matches.map((m) => `"${m.phrase}"`).join(', ')})`;
    default: {
      const never: never = e;
      throw new Error(`unknown reply error ${JSON.stringify(never)}`);
    }
  }
}

export function replyRefused(errors: ReplyTextError[]): DomainError {
  const first = errors[0];

  return new DomainError(ErrorCode.BadUserInput, first ? describeReplyError(first) : 'reply refused', {
    reason: first?.code,
    errors: errors.map((e) => ({ ...e, message: describeReplyError(e) })),
  });
}
