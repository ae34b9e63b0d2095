import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { describeApiError, type ApiProblem } from '../api/api-error';
import { LoginDocument } from '../graphql/generated';
import { ErrorList } from '../shared/error-list';
import type { SessionStore } from './session-store';

const DEMO_USERS = [
  { email: 'agent1@acme.example', role: 'Agent' },
  { email: 'supervisor@acme.example', role: 'Supervisor' },
];
const DEMO_PASSWORD = 'roost-demo';

export function SignInPage({ store }: { store: SessionStore }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [{ fetching }, login] = useMutation(LoginDocument);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblems([]);
    const res = await login({ email: email.trim(), password });
    if (res.error) {
      const described = describeApiError(res.error);
      // A wrong password is UNAUTHENTICATED too; here it means the credentials, not the session.
      setProblems(
        described.map((p) =>
          p.code === 'UNAUTHENTICATED' ? { ...p, message: 'That e-mail and password do not match.' } : p,
        ),
      );
      return;
    }
    if (res.data) store.set(res.data.login);
  };

  return (
    <main className="signin">
      <form className="signin-card" onSubmit={(e) => void submit(e)} aria-label="Sign in">
        <div className="brand-mark large" aria-hidden="true">
          R
        </div>
        <h1>Sign in to Roost</h1>
        <p className="muted">Social customer care for your team on X.</p>
        <label>
          E-mail
          <input
            name="email"
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
            autoFocus
          />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        <ErrorList problems={problems} />
        <button className="primary" type="submit" disabled={fetching}>
          {fetching ? 'Signing in…' : 'Sign in'}
        </button>
        <aside className="demo-hint">
          <strong>Demo brand (Acme)</strong>
          <ul>
            {DEMO_USERS.map((u) => (
              <li key={u.email}>
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    setEmail(u.email);
                    setPassword(DEMO_PASSWORD);
                  }}
                >
                  {u.email}
                </button>{' '}
                <span className="muted">{u.role}</span>
              </li>
            ))}
          </ul>
          <span className="muted">Password: {DEMO_PASSWORD}</span>
        </aside>
      </form>
    </main>
  );
}
