import type { ConversationDetailQuery, ReplyPath } from '../graphql/generated';

type ReplyOptions = ConversationDetailQuery['conversationDetail']['replyOptions'];

/** X's reply policy says no public API reply here: offer what remains, best first. */
export function ReplyOffers(props: { options: ReplyOptions; onDm: () => void }) {
  const offer = (path: ReplyPath) => {
    switch (path) {
      case 'DM':
        return (
          <button key={path} type="button" className="ghost small" onClick={props.onDm}>
            Answer by DM
          </button>
        );
      case 'OPEN_IN_X':
        return props.options.openInXUrl ? (
          <a
            key={path}
            className="ghost small"
            href={props.options.openInXUrl}
            target="_blank"
            rel="noreferrer"
          >
            Open in X
          </a>
        ) : null;
      case 'QUOTE':
        return (
          <span key={path} className="muted small-text">
            or quote the tweet from X
          </span>
        );
      case 'PUBLIC':
        return null;
    }
  };
  return (
    <div className="reply-offers" data-testid="reply-offers">
      <p>X does not allow a public reply through the API to this customer.</p>
      <div className="offer-buttons">{props.options.offered.map(offer)}</div>
    </div>
  );
}
