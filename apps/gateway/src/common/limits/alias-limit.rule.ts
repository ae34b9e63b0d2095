import type { ASTNode, ValidationRule } from 'graphql';
import { limitError } from './limit-error';

/**
 * Refuses documents with more than `maxAliases` aliased fields. Aliases are how one request asks
 * for the same expensive field many times (`a1: conversations … a500: conversations`); the cost
 * rule bounds what such a document would do, this rule refuses the pattern outright and cheaply.
 */
export function aliasLimitRule(maxAliases: number): ValidationRule {
  return (context) => {
    let aliases = 0;
    let first: ASTNode | undefined;

    return {
      Field(node) {
        if (!node.alias) return;
        aliases += 1;
        first ??= node;
      },
      Document: {
        leave(node) {
          if (aliases <= maxAliases) return;
          context.reportError(
            limitError({
              reason: 'TOO_MANY_ALIASES',
              message: `The document uses ${aliases} aliases; the maximum is ${maxAliases}.`,
              node: first ?? node,
              limit: maxAliases,
              actual: aliases,
            }),
          );
        },
      },
    };
  };
}
