import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { ROOST_ENV, type RoostEnv } from '@roost/config';
import { repoPath } from '@roost/platform';
import { applyTrustProxy } from '../common/limits/client-address';
import { MAX_BODY_BYTES } from '../common/limits/limits.constants';
import { GRAPHQL_PATH } from '../common/gateway.constants';

/** The agent console's production build (`vite build` in apps/console); absent until it is built. */
export const CONSOLE_DIST = repoPath('apps', 'console', 'dist');

/** Paths the console must never shadow: the API, probes and metrics keep their own handlers. */
const API_PREFIXES = [GRAPHQL_PATH, '/health', '/metrics', '/media'];

const isApiPath = (path: string): boolean => API_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));

/** A missing /app.js or /logo.png is a 404, not the HTML page. */
const looksLikeFile = (path: string): boolean => /\.[a-z0-9]+$/i.test(path);

/**
 * The console's content security policy: its own scripts and API only (graphql-ws on the same
 * origin is 'self' in CSP 3), avatars from anywhere over https, never framed (clickjacking).
 * 'unsafe-inline' styles only: charts and the editor set style attributes; no inline script runs.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** On every response: the API's JSON is never framed or sniffed either. */
function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('referrer-policy', 'no-referrer');
  next();
}

/**
 * HTTP settings applied before listening: the JSON body (query + variables) is capped before it is
 * parsed; Nest then skips its default (100 kB) parser because one named jsonParser is registered.
 */
export function configureGateway(app: INestApplication, consoleDir = CONSOLE_DIST): void {
  const express = app as NestExpressApplication;
  express.useBodyParser('json', { limit: MAX_BODY_BYTES });
  express.disable('x-powered-by');
  applyTrustProxy(express, app.get<RoostEnv>(ROOST_ENV));
  express.use(securityHeaders);
  serveConsole(express, consoleDir);
}

/**
 * Serves the built console at `/`. Hashed files under /assets are immutable; index.html is
 * revalidated so a deploy is picked up on the next load. Any other GET that is not an API path
 * and asks for HTML gets index.html, so deep links (/inbox/…) survive a reload (SPA fallback).
 */
function serveConsole(app: NestExpressApplication, dir: string): void {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return; // the API works without the console (tests, headless deploys)
  app.useStaticAssets(dir, {
    index: false,
    setHeaders: (res, file) => {
      const immutable = file.startsWith(join(dir, 'assets'));
      res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      res.setHeader('content-security-policy', CONSOLE_CSP);
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      isApiPath(req.path) ||
      looksLikeFile(req.path) ||
      !req.accepts('html')
    ) {
      next();
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.setHeader('content-security-policy', CONSOLE_CSP);
    res.sendFile(index);
  });
}
