import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ATTACHMENT_PIECE_BYTES, ConversationsRpc, DomainError, ErrorCode } from '@roost/contracts';
import { RpcClient } from '@roost/messaging';
import { MEDIA_LIMITS, sniffMedia } from '@roost/x-text';
import type { AgentContext } from '../common/context/agent-context';
import { actor } from './conversation-actions.service';

/** The largest body `POST /media` reads: X's limit for a GIF, the largest kind agents may attach. */
export const MEDIA_UPLOAD_MAX_BYTES = MEDIA_LIMITS.animated_gif;

export interface StagedAttachment {
  attachmentId: string;
  mediaType: string;
  kind: 'photo' | 'animated_gif';
  sizeBytes: number;
}

/**
 * An agent's image or GIF for a later reply or DM: the type is read from the bytes (never the
 * client's Content-Type), checked against X's types and limits, then handed to conversations (which
 * stores it and checks again) in pieces small enough for NATS.
 */
@Injectable()
export class AttachmentsService {
  constructor(private readonly rpc: RpcClient) {}

  async stage(agent: AgentContext, bytes: Buffer): Promise<StagedAttachment> {
    const sniffed = sniffMedia(bytes);
    if (!sniffed || sniffed.kind === 'video') {
      throw new DomainError(ErrorCode.BadUserInput, 'only JPEG, PNG, GIF and WEBP images can be attached', {
        reason: 'UNSUPPORTED_MEDIA_TYPE',
        detected: sniffed?.mediaType ?? null,
      });
    }
    const limit = MEDIA_LIMITS[sniffed.kind];
    if (bytes.length > limit) {
      throw new DomainError(ErrorCode.BadUserInput, `larger than X's ${limit} bytes for this type`, {
        reason: 'MEDIA_TOO_LARGE',
        sizeBytes: bytes.length,
        limitBytes: limit,
      });
    }
    const { attachmentId } = await this.rpc.request(ConversationsRpc.StageAttachment, {
      ...actor(agent),
      mediaType: sniffed.mediaType,
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    for (let index = 0, at = 0; at < bytes.length; index++, at += ATTACHMENT_PIECE_BYTES) {
      await this.rpc.request(ConversationsRpc.AppendAttachment, {
        ...actor(agent),
        attachmentId,
        index,
        data: bytes.subarray(at, at + ATTACHMENT_PIECE_BYTES).toString('base64'),
      });
    }

    return { attachmentId, mediaType: sniffed.mediaType, kind: sniffed.kind, sizeBytes: bytes.length };
  }
}
