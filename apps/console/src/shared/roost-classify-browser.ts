/**
 * The part of @roost/classify the browser needs: @roost/x-text's reply checks call findPii, and
 * the console aliases `@roost/classify` to this file (vite.config.mts, tsconfig.json paths) so the
 * language and sentiment models, which are large and Node-only, never reach the bundle.
 */
export { findPii } from '../../../../libs/classify/src/pii/find-pii';
export type { PiiMatch, PiiType } from '../../../../libs/classify/src/classify.types';
