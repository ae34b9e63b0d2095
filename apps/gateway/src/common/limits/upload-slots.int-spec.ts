import { randomUUID } from 'node:crypto';
import { request, type ClientRequest } from 'node:http';
import { eventually } from '@roost/testing';
import { GatewayHarness } from '../../testing/gateway-harness';

interface Answer {
  status: number;
  body: { error?: { code: string; details?: Record<string, unknown> } };
}

/** A `POST /media` whose body starts (a PNG's first bytes) and then waits: `finish` sends the rest. */
function slowUpload(
  base: string,
  token: string,
  headers: Record<string, string> = {},
): { req: ClientRequest; answer: Promise<Answer> } {
  let req!: ClientRequest;
  const answer = new Promise<Answer>((resolve, reject) => {
    req = request(
      `${base}/media`,
      { method: 'POST', headers: { authorization: `Bearer ${token}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer['body'],
          }),
        );
      },
    );
    req.on('error', reject);
  });
  req.write(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));

  return { req, answer };
}

/**
 * Security review of issue 13: `POST /media` buffered up to 15 MB per request with no cap on
 * uploads in flight, so a few hundred parallel uploads held gigabytes. Now each caller and each
 * gateway read a bounded number of bodies at once; the next is refused (429) before its body is read.
 */
describe('uploads in flight (GATEWAY_MAX_UPLOADS_PER_AGENT, GATEWAY_MAX_UPLOADS)', () => {
  let gw: GatewayHarness;
  let base: string;

  beforeAll(async () => {
    gw = await GatewayHarness.start({
      env: { GATEWAY_MAX_UPLOADS_PER_AGENT: '2', GATEWAY_MAX_UPLOADS: '3' },
    });
    base = gw.url.replace(/\/graphql$/, '');
  });

  afterAll(async () => {
    await gw.close();
  });

  it('refuses an agent’s third upload and the gateway’s fourth with 429, and frees the slot when a body ends', async () => {
    const token = gw.token(gw.fx.agentA);
    const first = slowUpload(base, token);
    const second = slowUpload(base, token);
    for (const u of [first, second]) u.answer.catch(() => undefined);
    // Both bodies are being read once a third is refused for this agent.
    const third = await eventually(async () => {
      const probe = slowUpload(base, token);
      probe.req.end();
      const r = await probe.answer;

      return r.status === 429 ? r : undefined;
    });
    expect(third.body.error).toMatchObject({
      code: 'RATE_LIMITED',
      details: { reason: 'TOO_MANY_UPLOADS', limit: 2 },
    });

    const otherAgent = { ...gw.fx.agentA, id: randomUUID() };
    gw.fx.agents.push(otherAgent);
    const otherToken = gw.token(otherAgent);
    const other = slowUpload(base, otherToken);
    other.answer.catch(() => undefined);
    const busy = await eventually(async () => {
      const probe = slowUpload(base, otherToken);
      probe.req.end();
      const r = await probe.answer;

      return r.status === 429 ? r : undefined;
    });
    expect(busy.body.error).toMatchObject({
      code: 'RATE_LIMITED',
      details: { reason: 'GATEWAY_UPLOADS_BUSY', limit: 3 },
    });

    // The first body ends (the client goes away): its slot is free again for the agent.
    first.req.destroy();
    await first.answer.catch(() => undefined);
    const answered = await eventually(async () => {
      const again = slowUpload(base, token);
      again.req.end();
      const r = await again.answer;

      return r.status === 429 ? undefined : r;
    });
    expect(answered.status).not.toBe(429);

    for (const u of [second, other]) u.req.destroy();
  });

  it('refuses a Content-Length over 15 MB before reading the body', async () => {
    const r = slowUpload(base, gw.token(gw.fx.agentA), { 'content-length': String(16 * 1024 * 1024) });
    const answer = await r.answer;
    r.req.destroy();
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { reason: 'MEDIA_TOO_LARGE' },
    });
  });
});
