import type { ValidationRule } from 'graphql';
import { limitError } from './limit-error';

/** Refuses `__schema` and `__type` (not `__typename`, which clients need for caching). */
export const noIntrospectionRule: ValidationRule = (context) => ({
  Field(node) {
    const name = node.name.value;
    if (name !== '__schema' && name !== '__type') return;
    context.reportError(
      limitError({ reason: 'INTROSPECTION_DISABLED', message: 'GraphQL introspection is disabled.', node }),
    );
  },
});
