import TweetStream from 'twitter-api-v2/dist/cjs/stream/TweetStream';
import TweetStreamParser, { EStreamParserEvent } from 'twitter-api-v2/dist/cjs/stream/TweetStreamParser';

interface ParserState {
  currentMessage: string;
  emit(event: string, payload: unknown): boolean;
}

/**
 * `push` for twitter-api-v2's stream parser that finds the `\r\n` separators with `indexOf`.
 *
 * The library's own (twitter-api-v2 1.x) walks the buffered text one character at a time and
 * takes a two-character `slice` at every position to compare it with `\r\n`: under load that was
 * a fifth of ingest's CPU on the filtered stream (bench/tools/stage-profile.ts). Same contract:
 * every complete line that parses to a truthy value is emitted as ParsedData in order, a line
 * that does not parse is emitted as ParseError, empty lines (X's keep-alive heartbeats) are
 * skipped, and the unterminated tail is kept for the next chunk.
 */
export function fastStreamParserPush(this: ParserState, chunk: string): void {
  const text = this.currentMessage + chunk;
  let start = 0;
  for (let end = text.indexOf('\r\n'); end !== -1; end = text.indexOf('\r\n', start)) {
    const piece = text.slice(start, end);
    start = end + 2;
    if (piece.length === 0) continue;
    try {
      const payload: unknown = JSON.parse(piece);
      if (payload) this.emit(EStreamParserEvent.ParsedData, payload);
    } catch (error) {
      this.emit(EStreamParserEvent.ParseError, error);
    }
  }
  this.currentMessage = start === 0 ? text : text.slice(start);
}

let installed = false;

interface StreamInternals {
  res?: { setEncoding?(encoding: BufferEncoding): unknown };
  initEventsFromRequest(): void;
}

/**
 * Installs {@link fastStreamParserPush} on every stream parser of the process, and decodes stream
 * responses as UTF-8 before the library sees them (idempotent).
 *
 * The library turns each raw network chunk into a string on its own (`chunk.toString()`), so a
 * character whose bytes straddle two TCP chunks (emoji, CJK, accented letters: most non-English
 * tweets sooner or later) came out as two U+FFFD replacement characters. With the response's
 * encoding set, Node's string decoder keeps a split character until its last byte arrives, and the
 * library's `toString()` is a no-op on the strings it then gets.
 */
export function installFastStreamParser(): void {
  if (installed) return;
  installed = true;
  (TweetStreamParser.prototype as unknown as { push: typeof fastStreamParserPush }).push =
    fastStreamParserPush;
  const proto = TweetStream.prototype as unknown as StreamInternals;
  const initEventsFromRequest = proto.initEventsFromRequest;
  proto.initEventsFromRequest = function (this: StreamInternals) {
    this.res?.setEncoding?.('utf8');
    initEventsFromRequest.call(this);
  };
}
