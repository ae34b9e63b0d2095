import { Injectable } from '@nestjs/common';
import {
  createSourceEventStream,
  execute,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';
import { seesWholeBrand } from '../common/access/access-policy';
import type { GatewayContext } from '../common/context/gateway-context';
import { mapAsyncIterator } from './map-async-iterator';

type MaybePromise<T> = T | Promise<T>;

/**
 * graphql-ws's `subscribe`, executing each event once per group of identical subscriptions
 * (PERFORMANCE.md: stock graphql-ws executes the document once per subscriber).
 *
 * The source stream still comes from graphql-js's createSourceEventStream, i.e. from the Nest
 * resolver behind the global guard, so authentication, roles and the per-subscriber event filter
 * are exactly what they would be without sharing. Only the mapping of an event to a response is
 * shared: subscribers with the same document, operation, variables, brand and permission scope get
 * the same result object. The cache key is the event object itself (QueueUpdatesPubSub hands one
 * decoded object to every listener), held weakly, so results vanish with the event.
 */
@Injectable()
export class SharedSubscriptionExecutor {
  private readonly results = new WeakMap<object, Map<string, MaybePromise<ExecutionResult>>>();
  private readonly documentIds = new WeakMap<DocumentNode, number>();
  private nextDocumentId = 1;
  /** Executions run (tests assert sharing with it). */
  executions = 0;

  readonly subscribe = async (
    args: ExecutionArgs,
  ): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> => {
    const source = await createSourceEventStream(args);
    if (!isAsyncIterable(source)) return source; // refused: an ExecutionResult with errors
    // Per event: a socket's caller is live (their role or queues may change while subscribed).
    return mapAsyncIterator(source, (event) => this.executeShared(args, this.groupKey(args), event));
  };

  private executeShared(args: ExecutionArgs, group: string, event: unknown): MaybePromise<ExecutionResult> {
    if (typeof event !== 'object' || event === null) return this.run(args, event);
    let byGroup = this.results.get(event);
    if (!byGroup) {
      byGroup = new Map();
      this.results.set(event, byGroup);
    }
    let result = byGroup.get(group);
    if (!result) {
      result = this.run(args, event);
      byGroup.set(group, result);
    }

    return result;
  }

  private run(args: ExecutionArgs, event: unknown): MaybePromise<ExecutionResult> {
    this.executions += 1;

    return execute({ ...args, rootValue: event });
  }

  /**
   * Documents are cached by source text (GraphqlLimits.prepare), so identical queries share one
   * DocumentNode; an evicted document just starts a new group.
   */
  private groupKey(args: ExecutionArgs): string {
    let docId = this.documentIds.get(args.document);
    if (docId === undefined) {
      docId = this.nextDocumentId++;
      this.documentIds.set(args.document, docId);
    }
    const agent = (args.contextValue as GatewayContext).agent;
    const scope = !agent
      ? 'anonymous'
      : `${agent.brandId}|${agent.role}|${seesWholeBrand(agent) ? '*' : [...agent.queueIds].sort().join(',')}`;

    return `${docId}|${args.operationName ?? ''}|${JSON.stringify(args.variableValues ?? {})}|${scope}`;
  }
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
