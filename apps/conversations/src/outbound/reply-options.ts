import { DomainError, ErrorCode, type ReplyOptions } from '@roost/contracts';

type Offered = ReplyOptions['offered'][number];

/**
 * What the agent may do under X's reply policy (ARCHITECTURE.md): `reply_path` is decided at ingest
 * from the handle's API tier and whether the customer mentioned the brand.
 */
export function replyOptions(p: {
  replyPath: string;
  customerHandle: string;
  lastInboundXId: string | null;
}): ReplyOptions {
  const offered: Offered[] =
    p.replyPath === 'public'
      ? ['public', 'dm']
      : p.replyPath === 'quote'
        ? ['quote', 'dm', 'open_in_x']
        : p.replyPath === 'manual'
          ? ['open_in_x', 'dm', 'quote']
          : ['dm', 'open_in_x', 'quote'];

  return {
    public: p.replyPath === 'public',
    offered,
    openInXUrl: p.lastInboundXId ? `https://x.com/${p.customerHandle}/status/${p.lastInboundXId}` : null,
  };
}

export function publicReplyNotAllowed(options: ReplyOptions, replyPath: string): DomainError {
  return new DomainError(ErrorCode.BadUserInput, 'X does not let the API answer this tweet in public', {
    reason: 'PUBLIC_REPLY_NOT_ALLOWED',
    replyPath,
    offered: options.offered.filter((o) => o !== 'public'),
    openInXUrl: options.openInXUrl,
  });
}
