import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { RoostEnv } from '@roost/config';
import type { Clock } from '@roost/platform';
import { ConversationsAppModule } from '../conversations.module';

/** The whole conversations app in the test's process (not yet initialised), for tests that need its providers. */
export function conversationsApp(
  env: RoostEnv,
  opts: { logger: false | Array<'error' | 'warn'>; clock?: Clock },
): Promise<INestApplication> {
  return NestFactory.create(ConversationsAppModule.forEnv(env, opts.clock ? { clock: opts.clock } : {}), {
    logger: opts.logger,
  });
}
