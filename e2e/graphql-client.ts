import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface GqlResult<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string; details?: Record<string, unknown> } }>;
}

/** A third-party frontend's view of Roost: GraphQL over HTTP and graphql-transport-ws. */
export class GraphqlTestClient {
  constructor(private readonly httpUrl: string) {}

  async request<T>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<GqlResult<T>> {
    const res = await fetch(this.httpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });

    return (await res.json()) as GqlResult<T>;
  }

  async login(email: string, password = 'roost-demo'): Promise<string> {
    const r = await this.request<{ login: { token: string } }>(
      `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`,
      { email, password },
    );
    if (!r.data) throw new Error(`login failed: ${JSON.stringify(r.errors)}`);

    return r.data.login.token;
  }

  socket(token: string): Client {
    return createClient({
      url: this.httpUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      lazy: false,
      retryAttempts: 0,
    });
  }
}

/** Collects a subscription's events into an array the test can wait on. */
export function collect<T>(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const events: T[] = [];
  const errors: unknown[] = [];
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (v) => {
        if (v.data) events.push(v.data as T);
        if (v.errors) errors.push(...v.errors);
      },
      error: (e) => errors.push(e),
      complete: () => undefined,
    },
  );

  return { events, errors, dispose };
}
