import { parseFieldOptions } from '../http/field-options';
import { HttpProblem } from '../http/http-problem';
import type { Router } from '../http/router';
import type { SimContext } from '../http/sim-context';
import { requireId } from '../http/timeline-page';
import type { SimUser } from '../x-sim.types';
import { notFoundError } from './not-found-errors';

function csv(query: URLSearchParams, name: string): string[] {
  const values = (query.get(name) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (values.length === 0 || values.length > 100) {
    throw HttpProblem.invalidRequest(`The \`${name}\` query parameter must list 1 to 100 values`, {
      name,
      value: query.get(name) ?? '',
    });
  }

  return values;
}

export function registerUserRoutes(router: Router, ctx: SimContext): void {
  const one = (
    u: SimUser | undefined,
    query: URLSearchParams,
    miss: { parameter: string; value: string },
  ) => {
    if (!u) {
      return { status: 200, body: { errors: [notFoundError({ resource: 'user', ...miss })] } };
    }

    return { status: 200, body: { data: ctx.serializer.user(u, parseFieldOptions(query).userFields) } };
  };
  const many = (
    lookups: Array<{ value: string; user?: SimUser }>,
    query: URLSearchParams,
    parameter: string,
  ) => {
    const fields = parseFieldOptions(query).userFields;
    const data = lookups.flatMap((l) => (l.user ? [ctx.serializer.user(l.user, fields)] : []));
    const errors = lookups
      .filter((l) => !l.user)
      .map((l) => notFoundError({ resource: 'user', parameter, value: l.value }));

    return { status: 200, body: { ...(data.length ? { data } : {}), ...(errors.length ? { errors } : {}) } };
  };

  router.add({
    method: 'GET',
    pattern: '/2/users/me',
    auth: 'user',
    handler: ({ auth, query }) => one(auth.user, query, { parameter: 'id', value: '' }),
  });
  router.add({
    method: 'GET',
    pattern: '/2/users/by/username/:username',
    auth: 'app',
    handler: ({ params, query }) =>
      one(ctx.store.userByUsername(params.username), query, {
        parameter: 'username',
        value: params.username,
      }),
  });
  router.add({
    method: 'GET',
    pattern: '/2/users/by',
    auth: 'app',
    handler: ({ query }) =>
      many(
        csv(query, 'usernames').map((value) => ({ value, user: ctx.store.userByUsername(value) })),
        query,
        'usernames',
      ),
  });
  router.add({
    method: 'GET',
    pattern: '/2/users/:id',
    auth: 'app',
    handler: ({ params, query }) => {
      const id = requireId('id', params.id) ?? '';

      return one(ctx.store.userById(id), query, { parameter: 'id', value: id });
    },
  });
  router.add({
    method: 'GET',
    pattern: '/2/users',
    auth: 'app',
    handler: ({ query }) => {
      const ids = csv(query, 'ids');
      ids.forEach((id) => requireId('ids', id));

      return many(
        ids.map((value) => ({ value, user: ctx.store.userById(value) })),
        query,
        'ids',
      );
    },
  });
}
