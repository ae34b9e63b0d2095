import type { BrowserContext, Page } from 'playwright-core';

/** How long a live update may take to reach the screen in these tests (pushes, refetches, metrics). */
export const LIVE_MS = 30_000;

export async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('roost-demo');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: LIVE_MS });
}

/** The token the console keeps in localStorage for this browser context, or null when signed out. */
export async function sessionToken(context: BrowserContext): Promise<string | null> {
  const state = await context.storageState();
  const raw = state.origins
    .flatMap((o) => o.localStorage)
    .find((e) => e.name === 'roost.console.session')?.value;
  return raw ? (JSON.parse(raw) as { token: string }).token : null;
}

/**
 * The session token of this page's browser context, signing in first only if it holds none: tests
 * that share a context then stay under the gateway's login rate limit (5 a minute per e-mail).
 */
export async function signedIn(page: Page, baseUrl: string, email: string): Promise<string> {
  const token = await sessionToken(page.context());
  if (token) return token;
  await signIn(page, baseUrl, email);
  return (await sessionToken(page.context()))!;
}

export async function text(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').trim();
}

/** Sum of a number shown on every queue card (board-waiting, board-assigned). */
export async function boardTotal(page: Page, testId: string): Promise<number> {
  const values = await page.getByTestId(testId).allTextContents();
  return values.reduce((n, v) => n + Number(v), 0);
}

/** ISO weekday (1 = Monday) and hour of now in a timezone: the heatmap cell a new tweet lands in. */
export function hourOfWeekNow(timeZone: string): { day: number; hour: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date());
  const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  return {
    day: days.indexOf(parts.find((p) => p.type === 'weekday')!.value) + 1,
    hour: Number(parts.find((p) => p.type === 'hour')!.value),
  };
}

/** What the brand posted on twitter-sim: public tweets (replies) and DMs. */
export async function brandPosts(
  simUrl: string,
  handle = 'acmecares',
): Promise<{ tweets: string[]; dms: string[] }> {
  const res = await fetch(`${simUrl}/sim/posts?authorHandle=${handle}`);
  const body = (await res.json()) as {
    data: { tweets: Array<{ text: string }>; dms: Array<{ text: string }> };
  };
  return { tweets: body.data.tweets.map((t) => t.text), dms: body.data.dms.map((d) => d.text) };
}

/** Supervisor-side setup through the public API (what a third-party admin tool would do). */
export async function gql<T>(
  baseUrl: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (!body.data || body.errors) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

export async function login(baseUrl: string, email: string): Promise<string> {
  const r = await gql<{ login: { token: string } }>(
    baseUrl,
    '',
    'mutation ($email: String!) { login(email: $email, password: "roost-demo") { token } }',
    { email },
  );
  return r.login.token;
}
