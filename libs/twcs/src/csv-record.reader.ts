const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** Just read a `"` inside a quoted field: either an escaped quote or the closing one. */
  QuoteInQuoted,
}

/**
 * An incremental RFC 4180 reader with one deliberate deviation: a record ends at LF or CRLF
 * only, and a bare CR inside an unquoted field is data. TWCS has such a row, and csv-parse (like
 * Python's csv) treats every bare CR as a record delimiter, which splits that row in two.
 *
 * Feed chunks with `push`, then call `end`; each returns the records completed so far.
 */
export class CsvRecordReader {
  private state = State.FieldStart;
  private field = '';
  private record: string[] = [];
  private pendingCr = false;
  private out: string[][] = [];

  push(chunk: string): string[][] {
    for (let i = 0; i < chunk.length; i++) {
      this.consume(chunk[i]);
    }

    return this.drain();
  }

  end(): string[][] {
    if (this.pendingCr) {
      this.pendingCr = false;
      this.endRecord();
    }
    if (this.state === State.Quoted) {
      throw new Error('unterminated quoted field at end of input');
    }
    if (this.field !== '' || this.record.length > 0 || this.state !== State.FieldStart) {
      this.endRecord();
    }

    return this.drain();
  }

  private drain(): string[][] {
    const done = this.out;
    this.out = [];

    return done;
  }

  private consume(c: string): void {
    if (this.pendingCr) {
      this.pendingCr = false;
      if (c === '\n') {
        this.endRecord();

        return;
      }
      // A bare CR: keep it as data and carry on with this character.
      this.field += '\r';
      if (this.state === State.FieldStart || this.state === State.QuoteInQuoted) {
        this.state = State.Unquoted;
      }
    }
    switch (this.state) {
      case State.FieldStart:
        if (c === '"') {
          this.state = State.Quoted;
        } else {
          this.state = State.Unquoted;
          this.plain(c);
        }
        break;
      case State.Unquoted:
        this.plain(c);
        break;
      case State.Quoted:
        if (c === '"') {
          this.state = State.QuoteInQuoted;
        } else {
          this.field += c;
        }
        break;
      case State.QuoteInQuoted:
        if (c === '"') {
          this.field += '"';
          this.state = State.Quoted;
        } else {
          // Closing quote; anything but a delimiter after it is kept leniently as data.
          this.state = State.Unquoted;
          this.plain(c);
        }
        break;
    }
  }

  /** A character outside quotes. */
  private plain(c: string): void {
    if (c === ',') {
      this.record.push(this.field);
      this.field = '';
      this.state = State.FieldStart;
    } else if (c === '\n') {
      this.endRecord();
    } else if (c === '\r') {
      this.pendingCr = true; // decided by the next character, which may be in the next chunk
    } else {
      this.field += c;
    }
  }

  private endRecord(): void {
    this.record.push(this.field);
    const isBlank = this.record.length === 1 && this.record[0] === '';
    if (!isBlank) {
      this.out.push(this.record);
    }
    this.record = [];
    this.field = '';
    this.state = State.FieldStart;
  }
}
