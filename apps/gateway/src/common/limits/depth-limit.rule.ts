import { Kind, type SelectionSetNode, type ValidationRule } from 'graphql';
import { limitError } from './limit-error';
import { isIntrospectionRoot, ZERO, type Split } from './measure';

/**
 * Refuses operations nested deeper than `maxDepth` fields, following fragments; introspection
 * subtrees are measured against their own `maxIntrospectionDepth`. Fragment depths are memoised
 * (a fragment's depth does not depend on where it is spread), so a document that spreads
 * fragments into each other costs linear time, not exponential.
 */
export function depthLimitRule(opts: { maxDepth: number; maxIntrospectionDepth: number }): ValidationRule {
  return (context) => {
    const memo = new Map<string, Split>();
    const visiting = new Set<string>();

    const measure = (set: SelectionSetNode): Split => {
      let data = 0;
      let introspection = 0;
      for (const sel of set.selections) {
        let d: Split = ZERO;
        switch (sel.kind) {
          case Kind.FIELD: {
            const below = sel.selectionSet ? measure(sel.selectionSet) : ZERO;
            d = isIntrospectionRoot(sel.name.value)
              ? { data: 0, introspection: 1 + Math.max(below.data, below.introspection) }
              : { data: 1 + below.data, introspection: below.introspection };
            break;
          }
          case Kind.INLINE_FRAGMENT:
            d = measure(sel.selectionSet);
            break;
          case Kind.FRAGMENT_SPREAD: {
            const name = sel.name.value;
            const known = memo.get(name);
            if (known) {
              d = known;
              break;
            }
            const fragment = context.getFragment(name);
            // Unknown fragments and cycles are reported by graphql-js's own rules.
            if (!fragment || visiting.has(name)) break;
            visiting.add(name);
            d = measure(fragment.selectionSet);
            visiting.delete(name);
            memo.set(name, d);
            break;
          }
        }
        data = Math.max(data, d.data);
        introspection = Math.max(introspection, d.introspection);
      }

      return { data, introspection };
    };

    return {
      OperationDefinition(node) {
        const depth = measure(node.selectionSet);
        if (depth.data > opts.maxDepth) {
          context.reportError(
            limitError({
              reason: 'QUERY_TOO_DEEP',
              message: `Query depth ${depth.data} exceeds the maximum of ${opts.maxDepth}.`,
              node,
              limit: opts.maxDepth,
              actual: depth.data,
            }),
          );
        }
        if (depth.introspection > opts.maxIntrospectionDepth) {
          context.reportError(
            limitError({
              reason: 'QUERY_TOO_DEEP',
              message: `Introspection depth ${depth.introspection} exceeds the maximum of ${opts.maxIntrospectionDepth}.`,
              node,
              limit: opts.maxIntrospectionDepth,
              actual: depth.introspection,
            }),
          );
        }
      },
    };
  };
}
