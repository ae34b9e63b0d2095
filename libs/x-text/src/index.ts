export { weightedLength, characterLength } from './weighted-length';
export { formatSignature, appendSignature } from './signature';
export { checkGuidelines } from './guidelines';
export type { GuidelineMatch } from './guidelines';
export { validateReply } from './validate-reply';
export type { ValidateReplyInput, ValidateReplyResult } from './validate-reply';
export { ReplyTextErrorCode } from './reply-text-error';
export type {
  ReplyChannel,
  ReplyTextError,
  ReplyTooLongError,
  ReplyEmptyError,
  PiiInPublicReplyError,
  GuidelineViolationError,
} from './reply-text-error';
export { PUBLIC_REPLY_LIMIT, DM_LIMIT } from './x-text.constants';
export { sniffMedia, checkAttachmentSet, MEDIA_LIMITS, MAX_PHOTOS_PER_POST } from './media-rules';
export type { AttachmentKind, SniffedMedia, AttachmentSetError } from './media-rules';
