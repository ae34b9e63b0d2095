import { parseFieldOptions } from '../http/field-options';
import { HttpProblem } from '../http/http-problem';
import { readJsonBody, scalarText } from '../http/http-io';
import type { Router } from '../http/router';
import type { SimContext } from '../http/sim-context';
import { PROBLEM_TYPE } from '../x-sim.constants';

export function registerStreamRoutes(router: Router, ctx: SimContext): void {
  router.add({
    method: 'GET',
    pattern: '/2/tweets/search/stream',
    auth: 'app',
    handler: ({ res, auth, query }) => {
      // Rate-limit headers were already set on res by the dispatcher; writeHead keeps them.
      ctx.hub.open({ token: auth.token, res, fields: parseFieldOptions(query) });

      return undefined;
    },
  });

  router.add({
    method: 'GET',
    pattern: '/2/tweets/search/stream/rules',
    auth: 'app',
    handler: ({ query }) => {
      const ids = (query.get('ids') ?? '').split(',').filter(Boolean);
      const rules = ctx.rules.list(ids);
      const meta = { sent: new Date(ctx.clock()).toISOString(), result_count: rules.length };

      return { status: 200, body: rules.length ? { data: rules, meta } : { meta } };
    },
  });

  router.add({
    method: 'POST',
    pattern: '/2/tweets/search/stream/rules',
    auth: 'app',
    handler: async ({ req, query }) => {
      const body = await readJsonBody(req);
      const dryRun = query.get('dry_run') === 'true';
      const sent = new Date(ctx.clock()).toISOString();
      if (Array.isArray(body.add)) {
        const items = (body.add as Array<{ value?: unknown; tag?: unknown }>).map((r) => ({
          value: scalarText(r?.value) ?? '',
          ...(scalarText(r?.tag) !== undefined ? { tag: scalarText(r.tag) } : {}),
        }));
        const result = ctx.rules.add(items, dryRun);
        if (result.capExceeded) {
          throw new HttpProblem(403, {
            title: 'RuleCapEnforcement',
            detail: 'Rule creation would exceed your rule limit of 1000 rules.',
            type: PROBLEM_TYPE.ruleCap,
            status: 403,
          });
        }
        const payload = {
          ...(result.created.length ? { data: result.created } : {}),
          meta: { sent, summary: result.summary },
          ...(result.errors.length ? { errors: result.errors } : {}),
        };
        if (!result.valid) {
          return {
            status: 400,
            body: {
              ...payload,
              title: 'Invalid Request',
              detail: 'One or more rules are invalid.',
              type: PROBLEM_TYPE.invalidRules,
            },
          };
        }

        return { status: 201, body: payload };
      }
      const del = body.delete as { ids?: unknown; values?: unknown } | undefined;
      if (del && (Array.isArray(del.ids) || Array.isArray(del.values))) {
        const result = ctx.rules.delete({
          ids: Array.isArray(del.ids) ? del.ids.map(String) : undefined,
          values: Array.isArray(del.values) ? del.values.map(String) : undefined,
          dryRun,
        });
        const requested =
          (Array.isArray(del.ids) ? del.ids.length : 0) + (Array.isArray(del.values) ? del.values.length : 0);

        return {
          status: 200,
          body: {
            meta: { sent, summary: { deleted: result.deleted, not_deleted: requested - result.deleted } },
            ...(result.errors.length ? { errors: result.errors } : {}),
          },
        };
      }
      throw HttpProblem.invalidRequest('Request body must contain either `add` or `delete`');
    },
  });
}
