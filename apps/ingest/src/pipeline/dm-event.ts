import type { TwitterApiReadOnly } from 'twitter-api-v2';

/** twitter-api-v2 does not export its DM event type from the package root: derive it. */
export type DmEvent = Awaited<ReturnType<TwitterApiReadOnly['v2']['listDmEvents']>>['events'][number];
