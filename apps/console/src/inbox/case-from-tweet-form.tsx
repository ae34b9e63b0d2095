import { useState, type FormEvent } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { describeApiError, type ApiProblem } from '../api/api-error';
import { CreateCaseFromTweetDocument } from '../graphql/generated';
import { ErrorList } from '../shared/error-list';

/** The refusals of `createCaseFromTweet`, in words an agent can act on. */
const TWEET_PROBLEMS: Record<string, string> = {
  MALFORMED_TWEET_REF: 'Paste a tweet link (https://x.com/name/status/1234…) or the tweet’s id.',
  TWEET_NOT_FOUND: 'X has no such tweet: it was deleted, its author protected it, or it never existed.',
  OWN_TWEET: 'That is one of the brand’s own tweets, not a customer’s.',
  NO_BRAND_ACCOUNT: 'The brand has no X account to answer from yet.',
};

function describe(error: CombinedError): ApiProblem[] {
  return describeApiError(error).map((p) =>
    p.reason && TWEET_PROBLEMS[p.reason] ? { ...p, message: TWEET_PROBLEMS[p.reason]! } : p,
  );
}

/**
 * "Open a case from a tweet URL": a tweet no listening rule caught becomes a case (with the
 * customer's earlier tweets of its thread); a tweet already in Roost opens its existing case.
 */
export function CaseFromTweetForm(props: { onOpen: (conversationId: string) => void }) {
  const [value, setValue] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [{ fetching }, create] = useMutation(CreateCaseFromTweetDocument);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!value.trim()) return;
    setNotice(null);
    setProblems([]);
    const res = await create({ urlOrId: value.trim() });
    if (res.error) {
      setProblems(describe(res.error));
      return;
    }
    const made = res.data?.createCaseFromTweet;
    if (!made) return;
    setValue('');
    if (made.conversation) {
      props.onOpen(made.conversation.id);
    } else {
      setNotice(
        `Tweet ${made.tweetId} was taken in. Its case is still being routed, or sits in a queue you do not see.`,
      );
    }
  };

  return (
    <form className="case-from-tweet" aria-label="Open a case from a tweet" onSubmit={(e) => void submit(e)}>
      <label htmlFor="case-from-tweet-input" className="case-from-tweet-label muted">
        Open a case from a tweet URL
      </label>
      <input
        id="case-from-tweet-input"
        type="text"
        inputMode="url"
        placeholder="https://x.com/…/status/…"
        value={value}
        maxLength={500}
        onChange={(e) => setValue(e.target.value)}
        aria-invalid={problems.length > 0}
      />
      <button type="submit" disabled={fetching || !value.trim()}>
        {fetching ? 'Opening…' : 'Open case'}
      </button>
      {notice ? (
        <p className="muted case-from-tweet-notice" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorList problems={problems} />
    </form>
  );
}
