import { PROBLEM_TYPE } from '../x-sim.constants';

/** An X-style error response, thrown by handlers and written by the server in one place. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(
      typeof body.detail === 'string'
        ? body.detail
        : typeof body.title === 'string'
          ? body.title
          : `HTTP ${status}`,
    );
  }

  static unauthorized(): HttpProblem {
    return new HttpProblem(401, {
      title: 'Unauthorized',
      type: PROBLEM_TYPE.about,
      status: 401,
      detail: 'Unauthorized',
    });
  }

  static forbidden(detail: string): HttpProblem {
    return new HttpProblem(403, { title: 'Forbidden', type: PROBLEM_TYPE.about, status: 403, detail });
  }

  static notFound(detail = 'Not Found'): HttpProblem {
    return new HttpProblem(404, { title: 'Not Found', type: PROBLEM_TYPE.about, status: 404, detail });
  }

  /** X's 400 shape: a problem plus an `errors` array naming each bad parameter. */
  static invalidRequest(message: string, parameter?: { name: string; value: string }): HttpProblem {
    return new HttpProblem(400, {
      errors: [{ ...(parameter ? { parameters: { [parameter.name]: [parameter.value] } } : {}), message }],
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: PROBLEM_TYPE.invalidRequest,
      status: 400,
    });
  }

  static userContextRequired(): HttpProblem {
    return new HttpProblem(403, {
      title: 'Unsupported Authentication',
      detail:
        'Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].',
      type: PROBLEM_TYPE.unsupportedAuth,
      status: 403,
    });
  }

  static tooManyRequests(headers: Record<string, string>): HttpProblem {
    return new HttpProblem(
      429,
      { title: 'Too Many Requests', detail: 'Too Many Requests', type: PROBLEM_TYPE.about, status: 429 },
      headers,
    );
  }

  static serverError(status: number): HttpProblem {
    const title =
      status === 503 ? 'Service Unavailable' : status === 500 ? 'Internal Server Error' : 'Server Error';

    return new HttpProblem(status, { title, detail: title, type: PROBLEM_TYPE.about, status });
  }
}
