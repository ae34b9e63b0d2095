import { useState } from 'react';
import { useMutation } from 'urql';
import { describeApiError, type ApiProblem } from '../api/api-error';
import { useSession } from '../auth/session-context';
import { ChangePasswordDocument } from '../graphql/generated';
import { Dialog } from './dialog';
import { FieldError, OtherErrors } from './field-error';
import {
  checkPasswordChange,
  describePasswordChangeProblems,
  MAX_PASSWORD,
  MIN_PASSWORD,
  type PasswordChangeDraft,
} from './password-change';

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;
const LABELS: Record<(typeof FIELDS)[number], string> = {
  currentPassword: 'Current password',
  newPassword: 'New password',
  confirmPassword: 'New password again',
};
const AUTOCOMPLETE: Record<(typeof FIELDS)[number], string> = {
  currentPassword: 'current-password',
  newPassword: 'new-password',
  confirmPassword: 'new-password',
};

/**
 * The signed-in agent changes their password. The gateway revokes every token issued before the
 * change (other tabs and devices sign in again) and answers a fresh one, which replaces the
 * session here. This tab's socket, holding the old token, is closed by the gateway meanwhile: the
 * session is held while the change is in flight, so that refusal does not sign the agent out.
 */
export function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const { store } = useSession();
  const [{ fetching }, change] = useMutation(ChangePasswordDocument);
  const [draft, setDraft] = useState<PasswordChangeDraft>({
    currentPassword: '',
    newPassword: '',
    confirmPassword: '',
  });
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [done, setDone] = useState(false);

  const submit = async () => {
    const local = checkPasswordChange(draft);
    setProblems(local);
    if (local.length > 0) return;
    const release = store.hold();
    try {
      const res = await change({ currentPassword: draft.currentPassword, newPassword: draft.newPassword });
      if (res.error || !res.data)
        return setProblems(res.error ? describePasswordChangeProblems(describeApiError(res.error)) : []);
      store.set(res.data.changePassword);
      setDone(true);
    } finally {
      release();
    }
  };

  return (
    <Dialog title="Change password" onClose={onClose}>
      {done ? (
        <>
          <p className="notice" role="status" data-testid="password-changed">
            Your password has been changed. Other tabs and devices signed in with the old one must sign in
            again.
          </p>
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      ) : (
        <form
          className="stack-form"
          aria-label="Change password"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {FIELDS.map((f) => (
            <label key={f} className="inline-label">
              <span>{LABELS[f]}</span>
              <input
                aria-label={LABELS[f]}
                type="password"
                autoComplete={AUTOCOMPLETE[f]}
                maxLength={f === 'currentPassword' ? MAX_PASSWORD : undefined}
                value={draft[f]}
                onChange={(e) => setDraft({ ...draft, [f]: e.target.value })}
              />
              <FieldError problems={problems} field={f} />
            </label>
          ))}
          <p className="muted">
            {MIN_PASSWORD} to {MAX_PASSWORD} characters. Other sessions signed in with your old password will
            end.
          </p>
          <OtherErrors problems={problems} fields={FIELDS} />
          <div className="dialog-actions">
            <button type="button" className="ghost" onClick={onClose}>
              Cancel
            </button>
            <button className="primary" type="submit" disabled={fetching}>
              Change password
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
