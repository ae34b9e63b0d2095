export { parseTwcs, readTwcs, readTwcsFile } from './twcs.parser';
export { buildThreads } from './thread.builder';
export { CsvRecordReader } from './csv-record.reader';
export { normalizeId, parseCreatedAt } from './twcs-row.mapper';
export { TwcsParseError } from './twcs.types';
export type { TwcsRow, TwcsThread } from './twcs.types';
