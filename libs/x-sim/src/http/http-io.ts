import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpProblem } from './http-problem';

const MAX_BODY_BYTES = 1024 * 1024;

export function sendJson(params: {
  res: ServerResponse;
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}): void {
  const payload = JSON.stringify(params.body);
  const contentType =
    params.status >= 400 && !('data' in (params.body as object))
      ? 'application/problem+json'
      : 'application/json';
  params.res.writeHead(params.status, {
    'content-type': `${contentType}; charset=utf-8`,
    'content-length': Buffer.byteLength(payload),
    ...params.headers,
  });
  params.res.end(payload);
}

/** A scalar JSON value as text; objects and arrays are not text. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }

  return undefined;
}

/** Parses a JSON body; an empty body is `{}`; garbage is X's 400. */
/** The request body as UTF-8 text, refused with `tooLarge` past `maxBytes`. */
export async function readBodyText(
  req: IncomingMessage,
  maxBytes: number,
  tooLarge: string,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      throw HttpProblem.invalidRequest(tooLarge);
    }
    chunks.push(chunk as Buffer);
  }

  return Buffer.concat(chunks).toString('utf8');
}

export async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = (await readBodyText(req, MAX_BODY_BYTES, 'Request body too large')).trim();
  if (!text) {
    return {};
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error('not an object');
    }

    return parsed as Record<string, unknown>;
  } catch {
    throw HttpProblem.invalidRequest('Request body is not a valid JSON object');
  }
}
