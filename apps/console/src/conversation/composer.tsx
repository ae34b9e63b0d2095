import { useMemo, useRef, useState, type KeyboardEvent, type Ref, useImperativeHandle } from 'react';
import { useMutation } from 'urql';
import { describeApiError, describeReplyTextError, type ApiProblem } from '../api/api-error';
import { headersWith } from '../api/graphql-client';
import { useSession } from '../auth/session-context';
import { ReplyDocument, type Channel } from '../graphql/generated';
import { ErrorList } from '../shared/error-list';
import { checkComposer } from './composer-check';

export interface ComposerHandle {
  focus(): void;
}

const drafts = new Map<string, string>();

/** A fresh key per draft: a retried send of the same text is recognised by the server, never posted twice. */
const newKey = (): string => crypto.randomUUID();

export function Composer(props: { conversationId: string; channel: Channel; ref?: Ref<ComposerHandle> }) {
  const { session, store } = useSession();
  const [text, setText] = useState(() => drafts.get(props.conversationId) ?? '');
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [sent, setSent] = useState(false);
  const key = useRef(newKey());
  const area = useRef<HTMLTextAreaElement>(null);
  const [{ fetching }, reply] = useMutation(ReplyDocument);
  useImperativeHandle(props.ref, () => ({ focus: () => area.current?.focus() }), []);

  const channel = props.channel === 'DM' ? 'dm' : 'public';
  const check = useMemo(
    () => checkComposer({ text, initials: session.agent.initials, channel }),
    [text, session.agent.initials, channel],
  );
  // Once the server has refused for a reason, its words replace the local warning for it.
  const refused = new Set(problems.map((p) => p.reason));
  const warnings = text.trim() ? check.errors.filter((e) => e.code !== 'REPLY_EMPTY' && !refused.has(e.code)) : [];
  const over = check.length > check.limit;

  const edit = (value: string) => {
    setText(value);
    drafts.set(props.conversationId, value);
    setProblems([]);
    setSent(false);
    key.current = newKey(); // different text, different request
  };

  const send = async () => {
    if (fetching) return;
    if (check.blocking) {
      setProblems(check.errors.map((e) => ({ code: 'BAD_USER_INPUT', reason: e.code, message: describeReplyTextError({ ...e }) })));
      return;
    }
    setProblems([]);
    const res = await reply(
      { conversationId: props.conversationId, text },
      { fetchOptions: headersWith(store, { 'idempotency-key': key.current }), additionalTypenames: ['Message', 'Conversation'] },
    );
    if (res.error) {
      setProblems(describeApiError(res.error));
      return;
    }
    drafts.delete(props.conversationId);
    setText('');
    setSent(true);
    key.current = newKey();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void send();
    } else if (e.key === 'Escape') {
      area.current?.blur();
    }
  };

  return (
    <form
      className="composer"
      aria-label="Reply"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <div className="composer-head">
        <span className="composer-title">{channel === 'public' ? 'Public reply on X' : 'Direct message'}</span>
        {check.signature ? (
          <span className="signature" data-testid="signature" title="Appended to every public reply">
            signed <strong>{check.signature}</strong>
          </span>
        ) : null}
      </div>
      <textarea
        ref={area}
        name="reply"
        value={text}
        rows={4}
        placeholder={channel === 'public' ? 'Write a public reply…  (r to focus, Ctrl+Enter to send)' : 'Write a direct message…'}
        onChange={(e) => edit(e.target.value)}
        onKeyDown={onKeyDown}
        aria-invalid={warnings.length > 0}
      />
      {warnings.length > 0 ? (
        <div className="warnings" data-testid="composer-warnings">
          {warnings.map((w, i) => (
            <p key={i} data-reason={w.code}>
              {describeReplyTextError({ ...w })}
            </p>
          ))}
        </div>
      ) : null}
      <ErrorList problems={problems} />
      <div className="composer-foot">
        <span className={`counter${over ? ' over' : check.limit - check.length <= 20 ? ' near' : ''}`} data-testid="char-count">
          {check.length} / {check.limit}
        </span>
        {sent ? <span className="sent-note" role="status">Sent</span> : null}
        <button className="primary" type="submit" disabled={fetching || !text.trim()}>
          {fetching ? 'Sending…' : channel === 'public' ? 'Reply' : 'Send DM'}
          <kbd className="on-primary">Ctrl ↵</kbd>
        </button>
      </div>
    </form>
  );
}
