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
