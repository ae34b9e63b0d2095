import { parseQuery } from '../query/query-parser';
import type { QueryNode } from '../query/query.types';
import { QueryParseError } from '../query/query.types';
import { SnowflakeIdGenerator } from '../store/snowflake-id.generator';
import { MAX_RULE_LENGTH, MAX_RULES, PROBLEM_TYPE } from '../x-sim.constants';
import type { StreamRule } from '../x-sim.types';

export interface CompiledRule extends StreamRule {
  node: QueryNode;
}

export interface AddRulesResult {
  /** false: nothing was stored because a rule was invalid (X's all-or-nothing validation). */
  valid: boolean;
  capExceeded: boolean;
  created: StreamRule[];
  errors: Array<Record<string, unknown>>;
  summary: { created: number; not_created: number; valid: number; invalid: number };
}

/** The app's filtered-stream rules, compiled once so each tweet is matched cheaply. */
export class StreamRuleBook {
  private rules: CompiledRule[] = [];
  private readonly ids = new SnowflakeIdGenerator();

  list(ids?: string[]): StreamRule[] {
    const chosen = ids?.length ? this.rules.filter((r) => ids.includes(r.id)) : this.rules;

    return chosen.map(({ id, value, tag }) => ({ id, value, ...(tag !== undefined ? { tag } : {}) }));
  }

  compiled(): CompiledRule[] {
    return this.rules;
  }

  add(items: Array<{ value: string; tag?: string }>, dryRun: boolean): AddRulesResult {
    const errors: Array<Record<string, unknown>> = [];
    const fresh: CompiledRule[] = [];
    let invalid = 0;
    for (const item of items) {
      const value = String(item.value ?? '');
      if (value.length > MAX_RULE_LENGTH) {
        invalid++;
        errors.push({
          value,
          details: [`Rule value exceeds ${MAX_RULE_LENGTH} characters`],
          title: 'UnprocessableEntity',
          type: PROBLEM_TYPE.invalidRules,
        });
        continue;
      }
      try {
        const node = parseQuery(value);
        const dupe = this.rules.find((r) => r.value === value) ?? fresh.find((r) => r.value === value);
        if (dupe) {
          errors.push({ value, id: dupe.id, title: 'DuplicateRule', type: PROBLEM_TYPE.duplicateRules });
          continue;
        }
        fresh.push({
          id: this.ids.next(),
          value,
          ...(item.tag !== undefined ? { tag: String(item.tag) } : {}),
          node,
        });
      } catch (e) {
        if (!(e instanceof QueryParseError)) {
          throw e;
        }
        invalid++;
        errors.push({
          value,
          details: [e.message],
          title: 'UnprocessableEntity',
          type: PROBLEM_TYPE.invalidRules,
        });
      }
    }
    const capExceeded = this.rules.length + fresh.length > MAX_RULES;
    const storing = invalid === 0 && !capExceeded && !dryRun;
    if (storing) {
      this.rules.push(...fresh);
    }
    const created =
      invalid === 0 && !capExceeded
        ? fresh.map(({ id, value, tag }) => ({ id, value, ...(tag !== undefined ? { tag } : {}) }))
        : [];

    return {
      valid: invalid === 0,
      capExceeded,
      created,
      errors,
      summary: {
        created: storing || (dryRun && invalid === 0 && !capExceeded) ? fresh.length : 0,
        not_created: items.length - (invalid === 0 && !capExceeded ? fresh.length : 0),
        valid: items.length - invalid,
        invalid,
      },
    };
  }

  delete(params: { ids?: string[]; values?: string[]; dryRun: boolean }): {
    deleted: number;
    errors: Array<Record<string, unknown>>;
  } {
    const errors: Array<Record<string, unknown>> = [];
    const doomed = new Set<string>();
    for (const id of params.ids ?? []) {
      const r = this.rules.find((x) => x.id === id);
      if (r) {
        doomed.add(r.id);
      } else {
        errors.push({
          value: id,
          title: 'Not Found Error',
          detail: `Rule with id ${id} not found`,
          type: PROBLEM_TYPE.notFound,
        });
      }
    }
    for (const value of params.values ?? []) {
      const r = this.rules.find((x) => x.value === value);
      if (r) {
        doomed.add(r.id);
      } else {
        errors.push({
          value,
          title: 'Not Found Error',
          detail: `Rule with value ${value} not found`,
          type: PROBLEM_TYPE.notFound,
        });
      }
    }
    if (!params.dryRun) {
      this.rules = this.rules.filter((r) => !doomed.has(r.id));
    }

    return { deleted: doomed.size, errors };
  }

  clear(): void {
    this.rules = [];
  }
}
