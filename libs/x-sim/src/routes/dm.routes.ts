import { parseFieldOptions } from '../http/field-options';
import { HttpProblem } from '../http/http-problem';
import { readJsonBody } from '../http/http-io';
import type { Router } from '../http/router';
import type { SimContext } from '../http/sim-context';
import { decodeToken, encodeToken, maxResults, requireId } from '../http/timeline-page';
import { MediaUploadError } from '../store/media-library';
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
      const attachments = body.attachments as unknown;
      let mediaKeys: string[] | undefined;
      if (attachments !== undefined) {
        const ids = Array.isArray(attachments)
          ? attachments.map((a: unknown) => (a as { media_id?: unknown } | null)?.media_id)
          : [];
        if (ids.length !== 1 || typeof ids[0] !== 'string') {
          throw HttpProblem.invalidRequest('`attachments` must be one `{ media_id }`', {
            name: 'attachments',
            value: JSON.stringify(attachments).slice(0, 100),
          });
        }
        try {
          mediaKeys = ctx.store.media.attach(auth.user!.id, ids as string[], { max: 1 });
        } catch (err) {
          if (err instanceof MediaUploadError) {
            throw HttpProblem.invalidRequest(err.message, {
              name: 'attachments.media_id',
              value: String(ids[0]),
            });
          }
          throw err;
        }
      }
      if (!text.trim() && !mediaKeys) {
        throw HttpProblem.invalidRequest('The `text` field is required', { name: 'text', value: text });
      }
      if (text.length > 10_000) {
        throw HttpProblem.invalidRequest('Direct message text is limited to 10000 characters', {
          name: 'text',
          value: text.slice(0, 20),
        });
      }
      const event = ctx.store.createDm({
        senderId: auth.user!.id,
        recipientId: other.id,
        text,
        ...(mediaKeys ? { mediaKeys } : {}),
      });

      return {
        status: 201,
        body: { data: { dm_conversation_id: event.dm_conversation_id, dm_event_id: event.id } },
      };
    },
  });
}
