import { DomainError, ErrorCode } from '@roost/contracts';
import type { ValidationError } from 'class-validator';

export interface FieldProblem {
  /** Dotted path of the argument, e.g. `agent.capacity` or `rules.2.queueId`. */
  field: string;
  /** class-validator's constraint names (`max`, `isUuid`, …), the machine-readable reason. */
  constraints: string[];
  message: string;
}

/** Flattens class-validator's tree (nested inputs, arrays) into one problem per field. */
export function fieldProblems(errors: readonly ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints
      ? [{ field, constraints: Object.keys(e.constraints), message: Object.values(e.constraints).join('; ') }]
      : [];

    return [...own, ...fieldProblems(e.children ?? [], field)];
  });
}

/**
 * The ValidationPipe's exceptionFactory: `BAD_USER_INPUT` with `details.field` (the first field at
 * fault, as every other input error of the API names it), `details.fields` (all of them, with
 * constraint names) and `details.problems` (the sentences, for people).
 */
export function validationError(errors: ValidationError[]): DomainError {
  const fields = fieldProblems(errors);

  return new DomainError(ErrorCode.BadUserInput, 'invalid input', {
    reason: 'INVALID_INPUT',
    ...(fields[0] ? { field: fields[0].field } : {}),
    fields,
    problems: fields.map((f) => f.message),
  });
}
