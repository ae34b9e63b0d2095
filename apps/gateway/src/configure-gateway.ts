import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { MAX_BODY_BYTES } from './common/limits/limits.constants';

/**
 * HTTP settings applied before listening: the JSON body (query + variables) is capped before it is
 * parsed; Nest then skips its default (100 kB) parser because one named jsonParser is registered.
 */
export function configureGateway(app: INestApplication): void {
  const express = app as NestExpressApplication;
  express.useBodyParser('json', { limit: MAX_BODY_BYTES });
  express.disable('x-powered-by');
}
