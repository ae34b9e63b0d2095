import type { ApiProblem } from '../api/api-error';
import { ErrorList } from './error-list';

/** `businessHours.0.start` and `businessHours[0]` belong to `businessHours`. */
const isAbout = (p: ApiProblem, field: string): boolean =>
  p.field === field ||
  (p.field?.startsWith(`${field}.`) ?? false) ||
  (p.field?.startsWith(`${field}[`) ?? false);

/** The problems about one input, shown beside it (`data-field` for tests and styling). */
export function FieldError({ problems, field }: { problems: readonly ApiProblem[]; field: string }) {
  const mine = problems.filter((p) => isAbout(p, field));
  if (mine.length === 0) return null;
  return (
    <span className="field-error" role="alert" data-field={field}>
      {mine.map((p) => p.message).join(' ')}
    </span>
  );
}

/** Everything not shown beside one of `fields`, so no problem is ever swallowed. */
export function OtherErrors({
  problems,
  fields,
}: {
  problems: readonly ApiProblem[];
  fields: readonly string[];
}) {
  return <ErrorList problems={problems.filter((p) => !fields.some((f) => isAbout(p, f)))} />;
}
