import { useMemo, useRef, useState, type KeyboardEvent, type Ref, useImperativeHandle } from 'react';
import { useMutation } from 'urql';
import { describeApiError, describeReplyTextError, type ApiProblem } from '../api/api-error';
import { headersWith } from '../api/graphql-client';
import { useSession } from '../auth/session-context';
import { ReplyDocument, SendDmDocument, type ConversationDetailQuery } from '../graphql/generated';
import { ErrorList } from '../shared/error-list';
import { CannedPicker, type CannedPickerHandle } from './canned-picker';
import { checkComposer } from './composer-check';
import { ACCEPTED_IMAGES, precheck, uploadMedia, type StagedAttachment } from './media-upload';
import { ReplyOffers } from './reply-offers';

export interface ComposerHandle {
  focus(): void;
  focusCanned(): void;
}

type Mode = 'public' | 'dm';
type ReplyOptions = ConversationDetailQuery['conversationDetail']['replyOptions'];

const drafts = new Map<string, string>();

/** A fresh key per draft: a retried send of the same text is recognised by the server, never posted twice. */
const newKey = (): string => crypto.randomUUID();

/**
 * Public reply or DM. Before anything is sent it shows the weighted count, the signature, and
 * personal-data and brand-guideline warnings (the server runs the same checks and has the last
 * word). When X's policy forbids a public reply here, it offers the paths that remain.
 */
export function Composer(props: {
  conversationId: string;
  /** The conversation is a DM thread: replies are DMs. */
  dmThread: boolean;
  replyOptions: ReplyOptions | undefined;
  bannedPhrases: readonly string[];
  onTyping: () => void;
  onSent: () => void;
  ref?: Ref<ComposerHandle>;
}) {
  const { session, store } = useSession();
  const [text, setText] = useState(() => drafts.get(props.conversationId) ?? '');
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [sent, setSent] = useState(false);
  const [chosen, setChosen] = useState<Mode | null>(null);
  const [attachments, setAttachments] = useState<StagedAttachment[]>([]);
  const [uploading, setUploading] = useState(false);
  const key = useRef(newKey());
  const area = useRef<HTMLTextAreaElement>(null);
  const canned = useRef<CannedPickerHandle>(null);
  const [{ fetching: replying }, reply] = useMutation(ReplyDocument);
  const [{ fetching: dming }, sendDm] = useMutation(SendDmDocument);
  const fetching = replying || dming || uploading;
  useImperativeHandle(
    props.ref,
    () => ({ focus: () => area.current?.focus(), focusCanned: () => canned.current?.focus() }),
    [],
  );

  const publicAllowed = !props.dmThread && props.replyOptions?.public !== false;
  const channel: Mode = chosen ?? (publicAllowed ? 'public' : 'dm');
  const check = useMemo(
    () =>
      checkComposer({ text, initials: session.agent.initials, channel, bannedPhrases: props.bannedPhrases }),
    [text, session.agent.initials, channel, props.bannedPhrases],
  );
  // Once the server has refused for a reason, its words replace the local warning for it.
  const refused = new Set(problems.map((p) => p.reason));
  const warnings = text.trim()
    ? check.errors.filter((e) => e.code !== 'REPLY_EMPTY' && !refused.has(e.code))
    : [];
  const over = check.length > check.limit;

  const edit = (value: string) => {
    setText(value);
    drafts.set(props.conversationId, value);
    setProblems([]);
    setSent(false);
    key.current = newKey(); // different text, different request
    if (value) props.onTyping();
  };

  const attach = async (files: FileList | null) => {
    if (!files?.length) return;
    setProblems([]);
    setSent(false);
    setUploading(true);
    let staged = attachments;
    try {
      for (const file of Array.from(files)) {
        const refused = precheck(file, staged, channel);
        if (refused) {
          setProblems([{ code: 'BAD_USER_INPUT', reason: 'MEDIA_REFUSED', message: refused }]);
          break;
        }
        const r = await uploadMedia(file, headersWith(store, {}));
        if (!r.ok) {
          setProblems([r.problem]);
          break;
        }
        staged = [...staged, r.staged];
        setAttachments(staged);
      }
    } finally {
      setUploading(false);
      key.current = newKey(); // other attachments, other request
    }
  };

  const detach = (id: string) => {
    setAttachments((list) => list.filter((a) => a.attachmentId !== id));
    key.current = newKey();
  };

  const send = async () => {
    if (fetching) return;
    if (check.blocking) {
      setProblems(
        check.errors.map((e) => ({
          code: 'BAD_USER_INPUT',
          reason: e.code,
          message: describeReplyTextError({ ...e }),
        })),
      );
      return;
    }
    setProblems([]);
    const vars = {
      conversationId: props.conversationId,
      text,
      ...(attachments.length ? { attachmentIds: attachments.map((a) => a.attachmentId) } : {}),
    };
    const opts = {
      fetchOptions: headersWith(store, { 'idempotency-key': key.current }),
      additionalTypenames: ['Message', 'Conversation'],
    };
    const res =
      channel === 'public' ? await reply({ ...vars, channel: 'PUBLIC' }, opts) : await sendDm(vars, opts);
    if (res.error) {
      setProblems(describeApiError(res.error));
      return;
    }
    drafts.delete(props.conversationId);
    setText('');
    setAttachments([]);
    setSent(true);
    key.current = newKey();
    props.onSent();
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
      {!publicAllowed && !props.dmThread && props.replyOptions ? (
        <ReplyOffers options={props.replyOptions} onDm={() => setChosen('dm')} />
      ) : null}
      <div className="composer-head">
        <div className="mode-tabs" role="tablist" aria-label="Answer as">
          <button
            type="button"
            role="tab"
            aria-selected={channel === 'public'}
            disabled={!publicAllowed}
            onClick={() => setChosen('public')}
          >
            Public reply on X
          </button>
          <button type="button" role="tab" aria-selected={channel === 'dm'} onClick={() => setChosen('dm')}>
            Direct message
          </button>
        </div>
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
        placeholder={
          channel === 'public'
            ? 'Write a public reply…  (r to focus, Ctrl+Enter to send)'
            : 'Write a direct message…  (Ctrl+Enter to send)'
        }
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
      {attachments.length > 0 ? (
        <ul className="attachments" aria-label="Attachments">
          {attachments.map((a) => (
            <li key={a.attachmentId} className="attachment-chip" data-testid="attachment">
              {a.name}
              <button type="button" aria-label={`Remove ${a.name}`} onClick={() => detach(a.attachmentId)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorList problems={problems} />
      <div className="composer-foot">
        <span
          className={`counter${over ? ' over' : check.limit - check.length <= 20 ? ' near' : ''}`}
          data-testid="char-count"
        >
          {check.length} / {check.limit}
        </span>
        <CannedPicker
          ref={canned}
          conversationId={props.conversationId}
          onInsert={(body) => {
            edit(text.trim() ? `${text.trimEnd()} ${body}` : body);
            area.current?.focus();
          }}
        />
        <label className="attach-button ghost" title="Attach an image or GIF (X: up to 4 images or 1 GIF)">
          {uploading ? 'Uploading…' : 'Attach image'}
          <input
            type="file"
            accept={ACCEPTED_IMAGES}
            multiple
            disabled={fetching}
            aria-label="Attach image"
            onChange={(e) => {
              void attach(e.target.files);
              e.target.value = '';
            }}
          />
        </label>
        {sent ? (
          <span className="sent-note" role="status">
            Sent
          </span>
        ) : null}
        <button className="primary" type="submit" disabled={fetching || !text.trim()}>
          {fetching ? 'Sending…' : channel === 'public' ? 'Reply' : 'Send DM'}
          <kbd className="on-primary">Ctrl ↵</kbd>
        </button>
      </div>
    </form>
  );
}
