import type { ApiProblem } from '../api/api-error';

/** The gateway's rule (routing checks it too): 12 to 200 characters, not the current password. */
export const MIN_PASSWORD = 12;
export const MAX_PASSWORD = 200;

export interface PasswordChangeDraft {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const problem = (field: keyof PasswordChangeDraft, reason: string, message: string): ApiProblem => ({
  code: 'BAD_USER_INPUT',
  reason,
  field,
  message,
});

/** What can be told before asking the server, each beside its field. */
export function checkPasswordChange(d: PasswordChangeDraft): ApiProblem[] {
  const out: ApiProblem[] = [];
  if (d.currentPassword === '')
    out.push(problem('currentPassword', 'REQUIRED', 'Enter your current password.'));
  if (d.newPassword.length < MIN_PASSWORD) {
    out.push(
      problem(
        'newPassword',
        'PASSWORD_LENGTH',
        `The new password needs at least ${MIN_PASSWORD} characters.`,
      ),
    );
  } else if (d.newPassword.length > MAX_PASSWORD) {
    out.push(
      problem(
        'newPassword',
        'PASSWORD_LENGTH',
        `The new password may have at most ${MAX_PASSWORD} characters.`,
      ),
    );
  } else if (d.newPassword === d.currentPassword) {
    out.push(
      problem('newPassword', 'PASSWORD_UNCHANGED', 'The new password must differ from your current one.'),
    );
  }
  if (d.confirmPassword !== d.newPassword)
    out.push(problem('confirmPassword', 'MISMATCH', 'The two new passwords do not match.'));
  return out;
}

const WORDS: Record<string, string> = {
  WRONG_PASSWORD: 'Your current password is not right.',
  PASSWORD_LENGTH: `The new password must have ${MIN_PASSWORD} to ${MAX_PASSWORD} characters.`,
  PASSWORD_UNCHANGED: 'The new password must differ from your current one.',
  PASSWORD_CHANGED: 'Your password was changed meanwhile (another tab or device?). Sign in again.',
};

/** The server's refusals (from describeApiError) in the words of this form; anything else unchanged. */
export function describePasswordChangeProblems(problems: readonly ApiProblem[]): ApiProblem[] {
  return problems.map((p) => {
    const words = p.reason ? WORDS[p.reason] : undefined;
    return words ? { ...p, message: words } : p;
  });
}
