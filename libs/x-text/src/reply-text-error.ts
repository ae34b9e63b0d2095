import { PiiMatch, PiiType } from '@roost/classify/pii';

import { GuidelineMatch } from './guidelines';

export const ReplyTextErrorCode = {
  ReplyTooLong: 'REPLY_TOO_LONG',
  ReplyEmpty: 'REPLY_EMPTY',
  PiiInPublicReply: 'PII_IN_PUBLIC_REPLY',
  GuidelineViolation: 'GUIDELINE_VIOLATION',
} as const;
export type ReplyTextErrorCode = (typeof ReplyTextErrorCode)[keyof typeof ReplyTextErrorCode];

export type ReplyChannel = 'public' | 'dm';

export interface ReplyTooLongError {
  code: typeof ReplyTextErrorCode.ReplyTooLong;
  channel: ReplyChannel;
  limit: number;
  length: number;
  overflow: number;
}

export interface ReplyEmptyError {
  code: typeof ReplyTextErrorCode.ReplyEmpty;
}

export interface PiiInPublicReplyError {
  code: typeof ReplyTextErrorCode.PiiInPublicReply;
  piiTypes: PiiType[];
  /** Offsets into finalText; the values are deliberately not copied. */
  matches: PiiMatch[];
  suggestion: 'dm';
}

export interface GuidelineViolationError {
  code: typeof ReplyTextErrorCode.GuidelineViolation;
  matches: GuidelineMatch[];
}

export type ReplyTextError =
  ReplyTooLongError | ReplyEmptyError | PiiInPublicReplyError | GuidelineViolationError;
