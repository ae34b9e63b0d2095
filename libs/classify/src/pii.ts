/**
 * The personal-data detector alone (`@roost/classify/pii`): what reply checks need (@roost/x-text,
 * so conversations, the gateway and the console's composer). The package's main entry also
 * loads the language detector and the sentiment lexicons, which only ingest uses: megabytes of
 * tables in every process and bundle that imports it.
 */
export type { PiiMatch, PiiType } from './classify.types';
export { ibanValid, luhnValid } from './pii/checksums';
export { findPii, looksLikePhone } from './pii/find-pii';
export type { FindPiiOptions } from './pii/find-pii';
