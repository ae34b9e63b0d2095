import type { ApiProblem } from '../api/api-error';

/** API problems in plain words; `role=alert` so screen readers (and tests) notice them. */
export function ErrorList({ problems }: { problems: readonly ApiProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="error-list" role="alert">
      {problems.map((p, i) => (
        <p key={i} data-code={p.code} data-reason={p.reason ?? ''}>
          {p.message}
        </p>
      ))}
    </div>
  );
}
