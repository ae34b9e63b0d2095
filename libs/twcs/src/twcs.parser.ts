import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { CsvRecordReader } from './csv-record.reader';
import { TwcsRowMapper } from './twcs-row.mapper';
import type { TwcsRow } from './twcs.types';

/** Parses a whole TWCS CSV held in memory. */
export function parseTwcs(text: string): TwcsRow[] {
  const reader = new CsvRecordReader();
  const mapper = new TwcsRowMapper();
  const rows: TwcsRow[] = [];
  for (const rec of [...reader.push(text), ...reader.end()]) {
    const row = mapper.map(rec);
    if (row) {
      rows.push(row);
    }
  }

  return rows;
}

/** Streams rows from chunks (strings, or Buffers decoded as UTF-8 across chunk boundaries). */
export async function* readTwcs(source: AsyncIterable<string | Buffer>): AsyncGenerator<TwcsRow> {
  const reader = new CsvRecordReader();
  const mapper = new TwcsRowMapper();
  const decoder = new StringDecoder('utf8');
  for await (const chunk of source) {
    for (const rec of reader.push(typeof chunk === 'string' ? chunk : decoder.write(chunk))) {
      const row = mapper.map(rec);
      if (row) {
        yield row;
      }
    }
  }
  for (const rec of [...reader.push(decoder.end()), ...reader.end()]) {
    const row = mapper.map(rec);
    if (row) {
      yield row;
    }
  }
}

export function readTwcsFile(path: string): AsyncGenerator<TwcsRow> {
  return readTwcs(createReadStream(path, { highWaterMark: 64 * 1024 }));
}
