import type { ConversationStatus, Sentiment } from '../graphql/generated';

const SENTIMENT_LABEL: Record<Sentiment, string> = {
  NEGATIVE: 'Negative',
  NEUTRAL: 'Neutral',
  POSITIVE: 'Positive',
};

export function SentimentBadge({ sentiment }: { sentiment: Sentiment }) {
  return <span className={`badge sentiment-${sentiment.toLowerCase()}`}>{SENTIMENT_LABEL[sentiment]}</span>;
}

export function LanguageBadge({ language }: { language: string }) {
  return (
    <span className="badge lang" title={`Language: ${language}`}>
      {language.toUpperCase()}
    </span>
  );
}

export function IntentBadge({ intent }: { intent: string }) {
  return <span className="badge intent">{intent.replace(/_/g, ' ')}</span>;
}

const REPLY_PATH_LABEL: Record<string, string> = {
  public: 'Public reply',
  dm: 'DM only',
  open_in_x: 'Open in X',
  manual: 'Manual',
  quote: 'Quote only',
};

export function ReplyPathBadge({ replyPath }: { replyPath: string }) {
  return (
    <span className={`badge path path-${replyPath}`} title="How the brand may answer">
      {REPLY_PATH_LABEL[replyPath] ?? replyPath}
    </span>
  );
}

export function StatusBadge({ status }: { status: ConversationStatus }) {
  return <span className={`badge status-${status.toLowerCase()}`}>{status.toLowerCase()}</span>;
}

/** Priority as a bar of up to four steps: the number itself means little to an agent. */
export function PriorityMark({ priority }: { priority: number }) {
  const level = priority >= 80 ? 4 : priority >= 60 ? 3 : priority >= 40 ? 2 : 1;
  return (
    <span className={`priority p${level}`} title={`Priority ${priority}`} aria-label={`Priority ${priority}`}>
      {[1, 2, 3, 4].map((i) => (
        <i key={i} className={i <= level ? 'on' : ''} />
      ))}
    </span>
  );
}
