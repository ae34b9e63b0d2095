import { PROBLEM_TYPE } from '../x-sim.constants';

/** X's partial error for a lookup that found nothing, returned with HTTP 200. */
export function notFoundError(params: {
  resource: 'tweet' | 'user';
  parameter: string;
  value: string;
}): Record<string, unknown> {
  return {
    value: params.value,
    detail: `Could not find ${params.resource} with ${params.parameter}: [${params.value}].`,
    title: 'Not Found Error',
    resource_type: params.resource,
    parameter: params.parameter,
    resource_id: params.value,
    type: PROBLEM_TYPE.notFound,
  };
}

/** X's partial error for a tweet of a protected account (HTTP 200): it exists, but the app may not see it. */
export function notAuthorizedError(params: { parameter: string; value: string }): Record<string, unknown> {
  return {
    value: params.value,
    detail: `Sorry, you are not authorized to see the Tweet with ${params.parameter}: [${params.value}].`,
    title: 'Authorization Error',
    resource_type: 'tweet',
    parameter: params.parameter,
    resource_id: params.value,
    type: PROBLEM_TYPE.notAuthorized,
  };
}
