import { parseFieldOptions } from '../http/field-options';
import { HttpProblem } from '../http/http-problem';
import { readJsonBody } from '../http/http-io';
import type { Router } from '../http/router';
import type { SimContext } from '../http/sim-context';
import { decodeToken, encodeToken, maxResults, requireId } from '../http/timeline-page';
import { compareIds } from '../store/snowflake-id.generator';
import { DM_EVENTS_WINDOW_MS } from '../x-sim.constants';
import type { SimDmEvent } from '../x-sim.types';

export function registerDmRoutes(router: Router, ctx: SimContext): void {
  /** Newest first, the last 30 days, paged by `pagination_token` like X's dm_events endpoints. */
  const page = (events: SimDmEvent[], query: URLSearchParams) => {
    const limit = maxResults(query, { min: 1, max: 100, fallback: 100 });
    const token = query.get('pagination_token');
    const below = token ? decodeToken('pagination_token', token) : undefined;
    const oldest = ctx.clock() - DM_EVENTS_WINDOW_MS;
    const eligible = events
      .filter((e) => Date.parse(e.created_at) >= oldest && (!below || compareIds(e.id, below) < 0))
      .sort((a, b) => compareIds(b.id, a.id));
    const items = eligible.slice(0, limit);
    const fields = parseFieldOptions(query);
    const includes = ctx.serializer.dmIncludes(items, fields);
    const meta: Record<string, unknown> = { result_count: items.length };
    if (eligible.length > items.length) {
      meta.next_token = encodeToken(items[items.length - 1].id);
    }

    return {
      status: 200,
      body: {
        ...(items.length ? { data: items.map((e) => ctx.serializer.dmEvent(e, fields.dmEventFields)) } : {}),
        ...(includes ? { includes } : {}),
        meta,
      },
    };
  };

  router.add({
    method: 'GET',
    pattern: '/2/dm_events',
    auth: 'user',
    handler: ({ auth, query }) => page(ctx.store.dmsOf(auth.user!.id), query),
  });

  router.add({
    method: 'GET',
    pattern: '/2/dm_conversations/with/:participant_id/dm_events',
    auth: 'user',
    handler: ({ auth, params, query }) => {
      const other = requireId('participant_id', params.participant_id) ?? '';

      return page(
        ctx.store.dmsOf(auth.user!.id).filter((d) => d.participant_ids.includes(other)),
        query,
      );
    },
  });

  router.add({
    method: 'POST',
    pattern: '/2/dm_conversations/with/:participant_id/messages',
    auth: 'user',
    handler: async ({ req, auth, params }) => {
      const otherId = requireId('participant_id', params.participant_id) ?? '';
      const other = ctx.store.userById(otherId);
      if (!other) {
        throw HttpProblem.invalidRequest(`Could not find user with participant_id: [${otherId}].`, {
          name: 'participant_id',
          value: otherId,
        });
      }
      const body = await readJsonBody(req);
      const text = typeof body.text === 'string' ? body.text : '';
      if (!text.trim()) {
        throw HttpProblem.invalidRequest('The `text` field is required', { name: 'text', value: text });
      }
      if (text.length > 10_000) {
        throw HttpProblem.invalidRequest('Direct message text is limited to 10000 characters', {
          name: 'text',
          value: text.slice(0, 20),
        });
      }
      const event = ctx.store.createDm({ senderId: auth.user!.id, recipientId: other.id, text });

      return {
        status: 201,
        body: { data: { dm_conversation_id: event.dm_conversation_id, dm_event_id: event.id } },
      };
    },
  });
}
