import { auditServer } from 'graphql-http';
import { GatewayHarness } from './testing/gateway-harness';

/**
 * GraphQL over HTTP conformance (issue 7): the graphql-http package's server audits run against
 * the real gateway. Every operation must be authenticated, so the audit's fetch carries a token.
 */
describe('graphql-http server audits', () => {
  let h: GatewayHarness;

  beforeAll(async () => {
    h = await GatewayHarness.start();
  });

  afterAll(() => h.close());

  it('passes every audit with no failure', async () => {
    const token = h.token(h.fx.agentA);
    const fetchFn = (input: string | URL | Request, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${token}`);

      return fetch(input, { ...init, headers });
    };
    const results = await auditServer({ url: h.url, fetchFn });
    const failures = results
      .map((r) => (r.status === 'error' ? `${r.id} ${r.name}: ${r.reason}` : null))
      .filter((f): f is string => f !== null);
    expect(failures).toEqual([]);
    expect(results.length).toBeGreaterThan(20);
  });
});
