import { Readable } from 'node:stream';
import { CsvRecordReader } from './csv-record.reader';
import { buildThreads } from './thread.builder';
import { parseTwcs, readTwcs } from './twcs.parser';
import { TwcsParseError } from './twcs.types';

const HEADER = 'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id';

async function collect<T>(gen: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of gen) {
    out.push(x);
  }

  return out;
}

describe('CsvRecordReader', () => {
  it('handles quotes, escaped quotes, quoted newlines and CRLF', () => {
    const r = new CsvRecordReader();
    const recs = [...r.push('a,"b ""x"", y","line1\nline2"\r\nc,,"d\r\ne"\r\n'), ...r.end()];
    expect(recs).toEqual([
      ['a', 'b "x", y', 'line1\nline2'],
      ['c', '', 'd\r\ne'],
    ]);
  });

  it('keeps a bare CR inside an unquoted field as data', () => {
    const r = new CsvRecordReader();
    expect([...r.push('1,ab\rcd,3\n2,x,y\n'), ...r.end()]).toEqual([
      ['1', 'ab\rcd', '3'],
      ['2', 'x', 'y'],
    ]);
  });

  it('gives the same records however the input is split into chunks', () => {
    const text = '1,"q\r\nq",x\r\n2,ab\rcd,y\r\n3,,"z"""';
    const whole = (() => {
      const r = new CsvRecordReader();

      return [...r.push(text), ...r.end()];
    })();
    for (let size = 1; size <= 5; size++) {
      const r = new CsvRecordReader();
      const recs: string[][] = [];
      for (let i = 0; i < text.length; i += size) {
        recs.push(...r.push(text.slice(i, i + size)));
      }
      recs.push(...r.end());
      expect(recs).toEqual(whole);
    }
    expect(whole).toHaveLength(3);
    expect(whole[2]).toEqual(['3', '', 'z"']);
  });

  it('refuses an unterminated quote', () => {
    const r = new CsvRecordReader();
    r.push('1,"open');
    expect(() => r.end()).toThrow(/unterminated/);
  });
});

describe('parseTwcs', () => {
  it('reads the original Kaggle format', () => {
    const rows = parseTwcs(
      `${HEADER}\n` +
        '119237,105834,True,Wed Oct 11 06:55:44 +0000 2017,@AppleSupport causing the reply,119236,\n' +
        '119238,ChaseSupport,False,Wed Oct 11 13:25:49 +0000 2017,"@105835 Your business means a lot to us.\nPlease DM",,119239\n',
    );
    expect(rows).toEqual([
      {
        tweetId: '119237',
        authorId: '105834',
        inbound: true,
        createdAt: new Date('2017-10-11T06:55:44Z'),
        text: '@AppleSupport causing the reply',
        responseTweetIds: ['119236'],
      },
      {
        tweetId: '119238',
        authorId: 'ChaseSupport',
        inbound: false,
        createdAt: new Date('2017-10-11T13:25:49Z'),
        text: '@105835 Your business means a lot to us.\nPlease DM',
        responseTweetIds: [],
        inResponseToTweetId: '119239',
      },
    ]);
  });

  it('drops the pandas index column and reads float ids and id lists', () => {
    const rows = parseTwcs(
      `,${HEADER}\n` +
        '8,12,115713,True,Tue Oct 31 22:04:47 +0000 2017,@sprintcare You gonna,"11,13,14",15.0\n',
    );
    expect(rows[0]).toMatchObject({
      tweetId: '12',
      authorId: '115713',
      responseTweetIds: ['11', '13', '14'],
      inResponseToTweetId: '15',
    });
  });

  it('reads CRLF files with a bare CR inside an unquoted text', () => {
    const rows = parseTwcs(
      `${HEADER}\r\n` +
        '1,sprintcare,False,Tue Oct 31 22:10:35 +0000 2017,hello\rworld,,2.0\r\n' +
        '2,115713,True,Tue Oct 31 22:04:47 -0130 2017,x,1,\r\n',
    );
    expect(rows).toHaveLength(2);
    expect(rows[0].text).toBe('hello\rworld');
    expect(rows[1].createdAt.toISOString()).toBe('2017-10-31T23:34:47.000Z');
  });

  it('names the record that is broken', () => {
    expect(() => parseTwcs(`${HEADER}\n1,a,Maybe,Tue Oct 31 22:10:35 +0000 2017,x,,\n`)).toThrow(
      TwcsParseError,
    );
    expect(() => parseTwcs('foo,bar\n')).toThrow(/header lacks column tweet_id/);
    expect(() => parseTwcs(`${HEADER}\n1,a,True,yesterday,x,,\n`)).toThrow(/record 2: bad created_at/);
  });

  it('streams the same rows from Buffer chunks split inside multi-byte characters', async () => {
    const text = `${HEADER}\n1,a,True,Tue Oct 31 22:10:35 +0000 2017,"héllo 🤥\nthere",,\n2,b,False,Tue Oct 31 22:11:35 +0000 2017,ok,,1\n`;
    const bytes = Buffer.from(text);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 3) }, (_, i) =>
      bytes.subarray(i * 3, i * 3 + 3),
    );
    expect(await collect(readTwcs(Readable.from(chunks)))).toEqual(parseTwcs(text));
  });
});

describe('buildThreads', () => {
  it('groups rows linked either way, including through a tweet that is not in the file', () => {
    const rows = parseTwcs(
      `${HEADER}\n` +
        '1,c1,True,Tue Oct 31 22:00:00 +0000 2017,q,2,\n' +
        '2,Brand,False,Tue Oct 31 22:01:00 +0000 2017,a,,1\n' +
        '3,c2,True,Tue Oct 31 22:02:00 +0000 2017,q2,,99\n' +
        '4,c2,True,Tue Oct 31 22:03:00 +0000 2017,q3,99,\n' +
        '5,c3,True,Tue Oct 31 21:00:00 +0000 2017,alone,,\n',
    );
    const threads = buildThreads(rows).sort((a, b) => a.id.localeCompare(b.id));
    expect(threads.map((t) => [t.id, t.rows.map((r) => r.tweetId)])).toEqual([
      ['1', ['1', '2']],
      ['3', ['3', '4']],
      ['5', ['5']],
    ]);
  });
});
