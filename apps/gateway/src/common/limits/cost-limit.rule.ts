import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import { COST_LIST_SIZE_EXTENSION, DEFAULT_LIST_SIZE, FIRST_DEFAULT, FIRST_MAX } from './limits.constants';
import { limitError } from './limit-error';
import { isIntrospectionRoot, ZERO, type Split } from './measure';

/**
 * Static cost estimate: every field costs 1 plus its children, multiplied by how many items it
 * returns. A paginated field's `first` (a literal, clamped to FIRST_MAX; a variable counts as
 * FIRST_MAX, the worst case) sizes the field itself when it is a list, or its list children
 * (`edges`) when it is a connection, so `pageInfo`/`totalCount` are not multiplied; other lists
 * count their `costListSize` extension or DEFAULT_LIST_SIZE.
 * Introspection subtrees are summed apart, against `maxIntrospectionCost`.
 *
 * Why no variables: Apollo validates a document once and caches it (its documentStore), and
 * validation rules never see variables. A variable-blind worst case is the only estimate that is
 * correct under that cache and identical on HTTP and graphql-ws.
 */
export function costLimitRule(opts: { maxCost: number; maxIntrospectionCost: number }): ValidationRule {
  return (context) => {
    const schema = context.getSchema();
    const memo = new Map<string, Split>();
    const visiting = new Set<string>();

    const fieldDef = (
      parent: GraphQLCompositeType | undefined,
      name: string,
    ): GraphQLField<unknown, unknown> | undefined => {
      if (name === '__schema') return SchemaMetaFieldDef;
      if (name === '__type') return TypeMetaFieldDef;
      if (!parent || name.startsWith('__')) return undefined; // __typename: free

      return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
    };

    /** `pageSize`: set inside a paginated (connection) field; its list children (edges) hold that many. */
    const costOf = (
      set: SelectionSetNode,
      parent: GraphQLCompositeType | undefined,
      pageSize?: number,
    ): Split => {
      let data = 0;
      let introspection = 0;
      const add = (s: Split): void => {
        data += s.data;
        introspection += s.introspection;
      };
      for (const sel of set.selections) {
        switch (sel.kind) {
          case Kind.FIELD: {
            const def = fieldDef(parent, sel.name.value);
            if (!def) break; // unknown fields are reported by graphql-js's own rules
            const childType = getNamedType(def.type);
            const isList = isListType(getNullableType(def.type));
            const page = pageSizeOf(def, sel);
            // A paginated list multiplies itself; a paginated connection hands the size to its edges.
            const n = isList ? (page ?? pageSize ?? listSizeOf(def)) : 1;
            const childPage = !isList ? page : undefined;
            const child =
              sel.selectionSet && isCompositeType(childType)
                ? costOf(sel.selectionSet, childType, childPage)
                : ZERO;
            if (isIntrospectionRoot(sel.name.value)) {
              add({ data: 0, introspection: 1 + n * (child.data + child.introspection) });
            } else {
              add({ data: 1 + n * child.data, introspection: n * child.introspection });
            }
            break;
          }
          case Kind.INLINE_FRAGMENT: {
            const type = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
            add(costOf(sel.selectionSet, type && isCompositeType(type) ? type : undefined, pageSize));
            break;
          }
          case Kind.FRAGMENT_SPREAD: {
            const name = sel.name.value;
            const key = `${name}|${pageSize ?? ''}`;
            const known = memo.get(key);
            if (known) {
              add(known);
              break;
            }
            const fragment = context.getFragment(name);
            if (!fragment || visiting.has(name)) break;
            const type = schema.getType(fragment.typeCondition.name.value);
            visiting.add(name);
            const cost = costOf(
              fragment.selectionSet,
              type && isCompositeType(type) ? type : undefined,
              pageSize,
            );
            visiting.delete(name);
            memo.set(key, cost);
            add(cost);
            break;
          }
        }
      }

      return { data, introspection };
    };

    return {
      OperationDefinition(node) {
        const root =
          node.operation === 'query'
            ? schema.getQueryType()
            : node.operation === 'mutation'
              ? schema.getMutationType()
              : schema.getSubscriptionType();
        const cost = costOf(node.selectionSet, root ?? undefined);
        const over = (actual: number, limit: number, what: string): void =>
          context.reportError(
            limitError({
              reason: 'QUERY_TOO_COMPLEX',
              message: `${what} cost ${actual} exceeds the maximum of ${limit}.`,
              node,
              limit,
              actual,
            }),
          );
        if (cost.data > opts.maxCost) over(cost.data, opts.maxCost, 'Query');
        if (cost.introspection > opts.maxIntrospectionCost) {
          over(cost.introspection, opts.maxIntrospectionCost, 'Introspection');
        }
      },
    };
  };
}

/** `first` of a paginated field: a literal clamped to [1, FIRST_MAX], a variable as FIRST_MAX (worst case). */
function pageSizeOf(def: GraphQLField<unknown, unknown>, node: FieldNode): number | undefined {
  const firstArg = def.args.find((a) => a.name === 'first');
  if (!firstArg) return undefined;
  const given = node.arguments?.find((a) => a.name.value === 'first');
  if (!given) return typeof firstArg.defaultValue === 'number' ? firstArg.defaultValue : FIRST_DEFAULT;
  if (given.value.kind === Kind.INT) {
    return Math.min(Math.max(Number.parseInt(given.value.value, 10), 1), FIRST_MAX);
  }

  return FIRST_MAX;
}

function listSizeOf(def: GraphQLField<unknown, unknown>): number {
  const hint = def.extensions?.[COST_LIST_SIZE_EXTENSION];

  return typeof hint === 'number' ? hint : DEFAULT_LIST_SIZE;
}
