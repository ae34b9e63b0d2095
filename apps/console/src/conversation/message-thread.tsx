import { useState } from 'react';
import type { MessageFieldsFragment } from '../graphql/generated';
import { formatClock, useAgentTimeZone } from '../shared/format-time';

const STATUS_LABEL = { PENDING: 'Sending…', SENT: 'Sent', FAILED: 'Failed to send', RECEIVED: '' } as const;
/** X compliance removed the text: say why instead. */
const REDACTED_LABEL = {
  DELETED_BY_AUTHOR: 'Deleted by the author',
  AUTHOR_WITHDRAWN: 'Removed: the author withdrew their account',
} as const;

/** `onSplit`: offer "Split into new case" on customer messages (when there is more than one). */
export function MessageThread({
  messages,
  onSplit,
}: {
  messages: readonly MessageFieldsFragment[];
  onSplit?: (messageId: string) => void;
}) {
  const tz = useAgentTimeZone();
  const inbound = messages.filter((m) => m.direction === 'INBOUND').length;
  return (
    <ol className="thread" aria-label="Messages">
      {messages.map((m) => (
        <li key={m.id} className={`message ${m.direction.toLowerCase()}`} data-direction={m.direction}>
          <div className="bubble">
            {m.deleted ? (
              <p className="redacted">{REDACTED_LABEL[m.redaction ?? 'DELETED_BY_AUTHOR']}</p>
            ) : (
              <p>{m.text}</p>
            )}
            {!m.deleted && m.media.length > 0 ? (
              <div className="media-strip" data-testid="message-media">
                {m.media.map((x) => (
                  <MediaThumb key={x.key} media={x} outbound={m.direction === 'OUTBOUND'} />
                ))}
              </div>
            ) : null}
          </div>
          <div className="message-meta">
            {m.authorHandle ? <span>@{m.authorHandle}</span> : null}
            {m.channel === 'DM' ? <span className="badge dm">DM</span> : null}
            <time dateTime={m.createdAt} title={new Date(m.createdAt).toString()}>
              {formatClock(m.createdAt, tz)}
            </time>
            {STATUS_LABEL[m.status] ? (
              <span className={`msg-status ${m.status.toLowerCase()}`}>{STATUS_LABEL[m.status]}</span>
            ) : null}
            {onSplit && m.direction === 'INBOUND' && inbound > 1 ? (
              <button type="button" className="link split-message" onClick={() => onSplit(m.id)}>
                Split into new case
              </button>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}

type Media = MessageFieldsFragment['media'][number];

const MEDIA_WORD = { PHOTO: 'Photo', ANIMATED_GIF: 'GIF', VIDEO: 'Video' } as const;

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * A customer's photo, GIF or video as a thumbnail that opens the full media on X's CDN in a new
 * tab; when the image cannot load (offline, or X removed it) a labelled tile stays in its place.
 * An agent's attachment has no URL of its own: it shows as a chip.
 */
function MediaThumb({ media, outbound }: { media: Media; outbound: boolean }) {
  const [broken, setBroken] = useState(false);
  const word = MEDIA_WORD[media.type];
  const label = media.altText ?? `${word}${outbound ? ' attached' : ' from the customer'}`;
  if (!media.url && !media.thumbnailUrl) {
    return (
      <span className="media-chip" data-media-type={media.type} title={label}>
        {word} attached
      </span>
    );
  }
  const href = media.url ?? media.thumbnailUrl ?? undefined;
  return (
    <a
      className="media-thumb"
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      title={`Open the ${word.toLowerCase()} in a new tab`}
      data-media-type={media.type}
    >
      {media.thumbnailUrl && !broken ? (
        <img src={media.thumbnailUrl} alt={label} loading="lazy" onError={() => setBroken(true)} />
      ) : (
        <span className="media-fallback" role="img" aria-label={label}>
          {word}
          {media.width && media.height ? (
            <small>
              {media.width}×{media.height}
            </small>
          ) : null}
        </span>
      )}
      {media.type !== 'PHOTO' ? (
        <span className="media-badge">
          {media.type === 'VIDEO' ? `▶ ${media.durationMs ? duration(media.durationMs) : ''}` : 'GIF'}
        </span>
      ) : null}
    </a>
  );
}
