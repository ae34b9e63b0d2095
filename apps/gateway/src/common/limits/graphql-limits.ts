import { Inject, Injectable } from '@nestjs/common';
import { ROOST_ENV, type RoostEnv } from '@roost/config';
import {
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationRule,
} from 'graphql';
import { aliasLimitRule } from './alias-limit.rule';
import { costLimitRule } from './cost-limit.rule';
import { depthLimitRule } from './depth-limit.rule';
import { PARSE_FAILED, VALIDATION_FAILED } from './limit-error';
import {
  DOCUMENT_CACHE_SIZE,
  MAX_ALIASES,
  MAX_COST,
  MAX_DEPTH,
  MAX_INTROSPECTION_COST,
  MAX_INTROSPECTION_DEPTH,
  MAX_TOKENS,
} from './limits.constants';
import { noIntrospectionRule } from './no-introspection.rule';

export interface LimitPolicy {
  /** NODE_ENV=production: every switch below takes its closed position. */
  readonly production: boolean;
  /** `__schema`/`__type` allowed (development, test) or refused (production). */
  readonly introspection: boolean;
  /** Strip "Did you mean …?" suggestions, which reveal the schema, from client errors. */
  readonly hideSchemaDetails: boolean;
}

export type PreparedDocument = { ok: true; document: DocumentNode } | { ok: false; errors: GraphQLError[] };

/**
 * The single definition of what a document may be, handed to both transports: Apollo gets
 * `validationRules` and `parseOptions` (HTTP); the graphql-ws server calls `prepare()`, which runs
 * the very same parse options and rule list (RELIABILITY.md: Apollo's rules never reach the socket).
 */
@Injectable()
export class GraphqlLimits {
  readonly policy: LimitPolicy;
  readonly parseOptions: ParseOptions = { maxTokens: MAX_TOKENS };
  /** Our rules only; graphql-js's specifiedRules run first on both transports. */
  readonly validationRules: readonly ValidationRule[];
  private readonly documents = new Map<string, DocumentNode>();

  constructor(@Inject(ROOST_ENV) env: RoostEnv) {
    const production = env.nodeEnv === 'production';
    this.policy = Object.freeze({ production, introspection: !production, hideSchemaDetails: production });
    this.validationRules = Object.freeze([
      depthLimitRule({ maxDepth: MAX_DEPTH, maxIntrospectionDepth: MAX_INTROSPECTION_DEPTH }),
      aliasLimitRule(MAX_ALIASES),
      costLimitRule({ maxCost: MAX_COST, maxIntrospectionCost: MAX_INTROSPECTION_COST }),
      ...(this.policy.introspection ? [] : [noIntrospectionRule]),
    ]);
  }

  /**
   * Parse and validate for the socket path exactly as Apollo does for HTTP, with the same error
   * codes. Valid documents are cached by source text: the rules ignore variables, so a document
   * valid once is valid for every variables object (the same reasoning as Apollo's documentStore).
   */
  prepare(schema: GraphQLSchema, source: string): PreparedDocument {
    const cached = this.documents.get(source);
    if (cached) {
      // Re-insert to keep the Map in least-recently-used order.
      this.documents.delete(source);
      this.documents.set(source, cached);

      return { ok: true, document: cached };
    }
    let document: DocumentNode;
    try {
      document = parse(source, this.parseOptions);
    } catch (err) {
      const error =
        err instanceof GraphQLError
          ? new GraphQLError(err.message, {
              source: err.source,
              positions: err.positions,
              extensions: { code: PARSE_FAILED },
            })
          : new GraphQLError(err instanceof Error ? err.message : String(err), {
              extensions: { code: PARSE_FAILED },
            });

      return { ok: false, errors: [error] };
    }
    const errors = validate(schema, document, [...specifiedRules, ...this.validationRules]);
    if (errors.length > 0) {
      return {
        ok: false,
        errors: errors.map(
          (e) =>
            new GraphQLError(e.message, {
              nodes: e.nodes,
              source: e.source,
              positions: e.positions,
              extensions: { ...e.extensions, code: VALIDATION_FAILED },
            }),
        ),
      };
    }
    this.documents.set(source, document);
    if (this.documents.size > DOCUMENT_CACHE_SIZE) {
      const oldest = this.documents.keys().next().value;
      if (oldest !== undefined) this.documents.delete(oldest);
    }

    return { ok: true, document };
  }
}
