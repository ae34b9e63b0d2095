import { useEffect } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  CaseLinksDocument,
  CaseSuggestionsDocument,
  MergeConversationsDocument,
  type CaseLinkKind,
  type CaseSuggestionReason,
} from '../graphql/generated';
import { ErrorList } from '../shared/error-list';
import { formatClock, useAgentTimeZone } from '../shared/format-time';
import { useAction } from './use-action';

const REASON: Record<CaseSuggestionReason, string> = {
  OTHER_THREAD: 'another thread',
  OTHER_HANDLE: 'another of our handles',
  DM: 'a DM',
  QUOTE: 'a quote of this case',
};

const LINK: Record<CaseLinkKind, string> = {
  MERGED_FROM: 'Merged from',
  MERGED_INTO: 'Merged into',
  SPLIT_FROM: 'Split from',
  SPLIT_TO: 'Split out to',
};

const short = (id: string) => id.slice(0, 8);

/**
 * Issue 13, one case per customer problem: the same customer's other open (or just resolved) cases
 * as a banner with Merge, and this case's merges and splits. The merge always keeps the open case
 * open: the other case comes into this one, unless this one is resolved and the other is open, when
 * this one goes into the other (a resolved case is never a target: MERGE_TARGET_RESOLVED).
 * `tick` changes when the conversation changed (refetch).
 */
export function CaseBanner(props: {
  conversationId: string;
  /** This case is resolved: an open suggestion is merged the other way (this one into it). */
  resolved: boolean;
  /** This case's version, the expected version when it is the merge's source. */
  version: number | undefined;
  tick: number;
  onChanged: () => void;
  onOpenConversation: (id: string) => void;
}) {
  const id = props.conversationId;
  const tz = useAgentTimeZone();
  const [suggestions, refetchSuggestions] = useQuery({
    query: CaseSuggestionsDocument,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  const [links, refetchLinks] = useQuery({
    query: CaseLinksDocument,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  const [, merge] = useMutation(MergeConversationsDocument);
  const refresh = () => {
    refetchSuggestions({ requestPolicy: 'network-only' });
    refetchLinks({ requestPolicy: 'network-only' });
  };
  const action = useAction(refresh);
  useEffect(() => {
    if (props.tick === 0) return;
    refetchSuggestions({ requestPolicy: 'network-only' });
    refetchLinks({ requestPolicy: 'network-only' });
  }, [props.tick, refetchSuggestions, refetchLinks]);
  const d = links.data?.conversationDetail;
  const others = suggestions.data?.caseSuggestions ?? [];

  const mergeIn = async (sourceId: string, version: number) => {
    const ok = await action.run(() => merge({ targetId: id, sourceId, expectedVersion: version }));
    if (ok) {
      refresh();
      props.onChanged();
    }
  };
  const mergeOut = async (targetId: string) => {
    const ok = await action.run(() =>
      merge({
        targetId,
        sourceId: id,
        ...(props.version === undefined ? {} : { expectedVersion: props.version }),
      }),
    );
    if (ok) {
      refresh();
      props.onChanged();
    }
  };

  return (
    <div className="case-banner" data-testid="case-banner">
      {d?.mergedIntoId ? (
        <div className="case-note merged" role="status">
          <span>This case was merged into another; its messages are there.</span>
          <button
            type="button"
            className="ghost small"
            onClick={() => props.onOpenConversation(d.mergedIntoId!)}
          >
            Open case {short(d.mergedIntoId)}
          </button>
        </div>
      ) : null}
      {d?.mergedIntoId
        ? null
        : others.map((s) => (
            <div
              key={s.conversationId}
              className="case-suggestion"
              role="status"
              data-testid="case-suggestion"
            >
              <span>
                Same customer has another {s.status === 'RESOLVED' ? 'recent' : 'open'} case:{' '}
                <strong>“{s.lastText ?? '…'}”</strong>{' '}
                <span className="muted">
                  ({REASON[s.reason]}, @{s.accountHandle}, {formatClock(s.lastMessageAt, tz)})
                </span>
              </span>
              <span className="offer-buttons">
                <button
                  type="button"
                  className="ghost small"
                  onClick={() => props.onOpenConversation(s.conversationId)}
                >
                  Open
                </button>
                {props.resolved && s.status === 'RESOLVED' ? null : props.resolved ? (
                  <button
                    type="button"
                    className="primary small"
                    disabled={action.busy}
                    onClick={() => void mergeOut(s.conversationId)}
                  >
                    Merge this case into it
                  </button>
                ) : (
                  <button
                    type="button"
                    className="primary small"
                    disabled={action.busy}
                    onClick={() => void mergeIn(s.conversationId, s.version)}
                  >
                    Merge into this case
                  </button>
                )}
              </span>
            </div>
          ))}
      {(d?.links ?? []).length > 0 ? (
        <ul className="case-history" aria-label="Merges and splits" data-testid="case-history">
          {d!.links.map((l) => (
            <li key={`${l.kind}:${l.conversationId}`}>
              {LINK[l.kind]}{' '}
              <button
                type="button"
                className="link"
                onClick={() => props.onOpenConversation(l.conversationId)}
              >
                case {short(l.conversationId)}
              </button>{' '}
              <span className="muted">{formatClock(l.at, tz)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorList problems={action.problems} />
    </div>
  );
}
