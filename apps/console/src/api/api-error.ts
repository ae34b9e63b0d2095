import type { CombinedError } from 'urql';

/** What the gateway puts in `extensions` (see apps/gateway common/errors). */
export interface ApiErrorExtensions {
  code?: string;
  details?: Record<string, unknown>;
}

/** One problem, in words an agent can act on, plus the machine code for tests and styling. */
export interface ApiProblem {
  code: string;
  reason?: string;
  message: string;
  /** The input field at fault (`extensions.details.field`), to show the message beside it. */
  field?: string;
}

const PII_WORDS: Record<string, string> = {
  email: 'an e-mail address',
  phone: 'a phone number',
  card: 'a payment card number',
  address: 'a postal address',
  order_number: 'an order number',
  account_number: 'an account number',
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** "a phone number and an e-mail address" */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The composer's (and the server's) reply-text refusals, one sentence each. */
export function describeReplyTextError(e: Record<string, unknown>): string {
  switch (e['code']) {
    case 'REPLY_TOO_LONG': {
      const unit = e['channel'] === 'dm' ? 'characters' : 'characters as X counts them';
      const kind = e['channel'] === 'dm' ? 'A direct message' : 'A public reply';
      return `${kind} may be at most ${num(e['limit'])} ${unit}; this one is ${num(e['length'])} with your signature (${num(e['overflow'])} too many).`;
    }
    case 'REPLY_EMPTY':
      return 'Write something before sending.';
    case 'PII_IN_PUBLIC_REPLY': {
      const types = Array.isArray(e['piiTypes'])
        ? e['piiTypes'].map((t) => PII_WORDS[String(t)] ?? String(t))
        : [];
      const what = types.length > 0 ? listInWords(types) : 'personal data';
      return `This public reply contains ${what}. Personal data must not be posted in public: remove it, or continue in a direct message.`;
    }
    case 'GUIDELINE_VIOLATION': {
      const phrases = Array.isArray(e['matches'])
        ? e['matches'].filter(isRecord).map((m) => `“${String(m['phrase'])}”`)
        : [];
      return `The brand guidelines do not allow ${phrases.length > 0 ? listInWords(phrases) : 'this wording'}.`;
    }
    default:
      return typeof e['message'] === 'string' ? e['message'] : 'The reply was refused.';
  }
}

function describeDetails(code: string, message: string, details: Record<string, unknown>): ApiProblem[] {
  const reason = typeof details['reason'] === 'string' ? details['reason'] : undefined;
  if (Array.isArray(details['errors']) && details['errors'].length > 0) {
    return details['errors'].filter(isRecord).map((e) => ({
      code,
      reason: typeof e['code'] === 'string' ? e['code'] : reason,
      message: describeReplyTextError(e),
    }));
  }
  if (reason === 'INVALID_INPUT' && Array.isArray(details['problems'])) {
    // class-validator answers with sentences ("reopenWindowMinutes must not be less than 0").
    const sentences = details['problems']
      .filter((p): p is string => typeof p === 'string')
      .map((p) => ({ code, reason, ...validatorSentence(p) }));
    return [
      ...sentences,
      ...details['problems'].filter(isRecord).map((p) => ({
        code,
        reason,
        message: `${String(p['field'] ?? p['property'] ?? 'input')}: ${String(p['message'] ?? p['constraints'] ?? 'is not valid')}`,
        ...fieldOf(p),
      })),
    ];
  }
  if (reason === 'PUBLIC_REPLY_NOT_ALLOWED') {
    const offered = Array.isArray(details['offered']) ? details['offered'].map(String) : [];
    return [
      {
        code,
        reason,
        message: `This customer can't be answered in public (reply path: ${String(details['replyPath'])}). Try: ${offered.join(', ') || 'a direct message'}.`,
      },
    ];
  }
  if (reason === 'CONVERSATION_LOCKED') {
    return [
      {
        code,
        reason,
        message:
          'This queue is hard-locked: only the assignee answers. A supervisor may take the conversation over first.',
      },
    ];
  }
  const retry = num(details['retryAfterSeconds']);
  if (retry !== undefined)
    return [{ code, reason, message: `${capitalise(message)}. Try again in ${retry} s.` }];
  const limit = num(details['limit']);
  if (limit !== undefined) {
    const actual = num(details['actual']);
    return [
      {
        code,
        reason,
        message: `${capitalise(message)} (limit ${limit}${actual !== undefined ? `, got ${actual}` : ''}).`,
      },
    ];
  }
  return [{ code, reason, message: describeCode(code, message) }];
}

/** "queue.reopenWindowMinutes must not be less than 0" → field reopenWindowMinutes, "Reopen window minutes must not be less than 0". */
function validatorSentence(sentence: string): { message: string; field?: string } {
  const m = /^([A-Za-z_][\w.]*) (.+)$/.exec(sentence);
  if (!m) return { message: capitalise(sentence) };
  const field = m[1]!.split('.').pop()!;
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return { field, message: `${capitalise(words)} ${m[2]!}` };
}

function fieldOf(details: Record<string, unknown>): { field?: string } {
  const field = details['field'] ?? details['property'];
  return typeof field === 'string' ? { field } : {};
}

const capitalise = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

function describeCode(code: string, message: string): string {
  switch (code) {
    case 'UNAUTHENTICATED':
      return 'Your session has ended. Sign in again.';
    case 'FORBIDDEN':
      return 'Your role does not allow this.';
    case 'NOT_FOUND':
      return 'It no longer exists, or it is not visible to you.';
    case 'CONFLICT':
      return `${capitalise(message) || 'Someone else changed this conversation'}. The view has been refreshed; check it and try again.`;
    case 'RATE_LIMITED':
      return 'Too many requests. Wait a moment and try again.';
    case 'UPSTREAM_UNAVAILABLE':
      return 'X (or a Roost service) is not answering right now. Nothing was sent; try again shortly.';
    case 'INTERNAL':
      return 'Something went wrong on our side. Nothing was lost; try again.';
    default:
      return capitalise(message) || 'The request failed.';
  }
}

/** Every problem in a urql error, never swallowed: GraphQL errors first, else the network error. */
export function describeApiError(error: CombinedError): ApiProblem[] {
  if (error.graphQLErrors.length > 0) {
    return error.graphQLErrors.flatMap((g) => {
      const ext = g.extensions as ApiErrorExtensions;
      const code = ext.code ?? 'UNKNOWN';
      if (!ext.details) return [{ code, message: describeCode(code, g.message) }];
      const details = ext.details;
      return describeDetails(code, g.message, details).map((p) => ({ ...fieldOf(details), ...p }));
    });
  }
  return [{ code: 'NETWORK', message: 'Roost cannot be reached. Check your connection; nothing was sent.' }];
}
