import { Controller, Post, Req, Res } from '@nestjs/common';
import { DomainError, ErrorCode } from '@roost/contracts';
import type { Request, Response } from 'express';
import { GatewayContextFactory } from '../auth/gateway-context.factory';
import { mapException } from '../common/errors/exception-mapper';
import { RateLimitService } from '../common/limits/rate-limit.service';
import { UploadSlots } from '../common/limits/upload-slots';
import { AttachmentsService, MEDIA_UPLOAD_MAX_BYTES } from '../conversations/attachments.service';

const STATUS: Record<string, number> = {
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.BadUserInput]: 400,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.RateLimited]: 429,
  [ErrorCode.UpstreamUnavailable]: 503,
};

function tooLarge(max: number): DomainError {
  return new DomainError(ErrorCode.BadUserInput, `larger than ${max} bytes`, {
    reason: 'MEDIA_TOO_LARGE',
    limitBytes: max,
  });
}

function assertDeclaredSize(req: Request, max: number): void {
  if (Number(req.headers['content-length'] ?? 0) > max) throw tooLarge(max);
}

/** The body as bytes, refused past `max` without reading further (the connection is not kept). */
async function readCapped(req: Request, max: number): Promise<Buffer> {
  assertDeclaredSize(req, max);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw tooLarge(max);
    chunks.push(chunk as Buffer);
  }

  return Buffer.concat(chunks);
}

/**
 * `POST /media`: the console's way to get an image's bytes to Roost before a reply or DM names it
 * (`attachmentIds`). The body is the file itself (any Content-Type: the bytes decide the type);
 * authenticated like GraphQL (Bearer token or API key), brand from the credential, one rate-limit
 * token, at most 15 MB (refused by Content-Length before reading), at most a few bodies in flight
 * per caller and per gateway (UploadSlots: 429 TOO_MANY_UPLOADS / GATEWAY_UPLOADS_BUSY). Answers 201 `{ attachmentId, mediaType, kind, sizeBytes }`, or
 * `{ error: { code, message, details } }` with the GraphQL error codes.
 */
@Controller('media')
export class MediaController {
  constructor(
    private readonly contexts: GatewayContextFactory,
    private readonly limits: RateLimitService,
    private readonly attachments: AttachmentsService,
    private readonly slots: UploadSlots,
  ) {}

  @Post()
  async upload(@Req() req: Request, @Res() res: Response): Promise<void> {
    try {
      const ctx = await this.contexts.forHttp(req);
      if (!ctx.agent) {
        throw new DomainError(ErrorCode.Unauthenticated, 'authentication required', {
          reason: (ctx.authFailure ?? 'missing').toUpperCase(),
        });
      }
      const refusal = this.limits.check(ctx);
      if (refusal) throw new DomainError(ErrorCode.RateLimited, refusal.message, { reason: 'RATE_LIMITED' });
      // Refused before a byte of the body is read: too large by its Content-Length, or too many
      // bodies in flight for this caller or this gateway.
      assertDeclaredSize(req, MEDIA_UPLOAD_MAX_BYTES);
      const release = this.slots.take(`${ctx.agent.kind}:${ctx.agent.id}`);
      try {
        const bytes = await readCapped(req, MEDIA_UPLOAD_MAX_BYTES);
        const staged = await this.attachments.stage(ctx.agent, bytes);
        res.status(201).json(staged);
      } finally {
        release();
      }
    } catch (err) {
      const e = mapException(err);
      if (!res.headersSent) {
        res.status(STATUS[e.code] ?? 500);
        const unread = e.details?.['reason'] === 'MEDIA_TOO_LARGE' || e.code === ErrorCode.RateLimited;
        if (unread && !req.complete) {
          res.setHeader('connection', 'close');
        }
        res.json({ error: e });
      }
    }
  }
}
