import { createHash, randomUUID } from 'node:crypto';
import { DomainError } from '@roost/contracts';
import { createServiceDataSource, initialize, migrate } from '@roost/database';
import { cleanupNamespace, testEnv } from '@roost/testing';
import type { DataSource } from 'typeorm';
import { conversationsSchema } from '../testing/conversations-schema';
import { AttachmentsRepository } from './attachments.repository';

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** Agents' attachments in PostgreSQL: pieces in order and once, the hash checked, one post each, stale ones swept. */
describe('attachments (PostgreSQL)', () => {
  const env = testEnv();
  let ds: DataSource;
  let repo: AttachmentsRepository;
  const brandId = randomUUID();
  const agentId = randomUUID();
  const file = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(3000, 9)]);

  const stage = (bytes = file, by = agentId, brand = brandId) =>
    repo.stage({
      brandId: brand,
      agentId: by,
      mediaType: 'image/png',
      kind: 'photo',
      sizeBytes: bytes.length,
      sha256: sha(bytes),
    });

  beforeAll(async () => {
    ds = await initialize(
      createServiceDataSource(conversationsSchema(env, 'conversations-attachments-test')),
    );
    await migrate(ds);
    repo = new AttachmentsRepository(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
    await cleanupNamespace(env);
  });

  it('adds pieces in order, ignores a repeated piece, and completes only on the staged SHA-256', async () => {
    const id = await stage();
    const [a, b] = [file.subarray(0, 1000), file.subarray(1000)];
    await expect(
      repo.append({ brandId, agentId, attachmentId: id, index: 1, bytes: b }),
    ).rejects.toMatchObject({
      details: { reason: 'MEDIA_PIECE_REJECTED', expectedIndex: 0 },
    });
    expect(await repo.append({ brandId, agentId, attachmentId: id, index: 0, bytes: a })).toEqual({
      receivedBytes: 1000,
      complete: false,
    });
    // A retried request for piece 0 changes nothing.
    expect(await repo.append({ brandId, agentId, attachmentId: id, index: 0, bytes: a })).toEqual({
      receivedBytes: 1000,
      complete: false,
    });
    expect(await repo.append({ brandId, agentId, attachmentId: id, index: 1, bytes: b })).toEqual({
      receivedBytes: file.length,
      complete: true,
    });
    const stored = await repo.forUpload(brandId, id);
    expect(Buffer.from(stored.bytes).equals(file)).toBe(true);

    const corrupt = await stage();
    const flipped = Buffer.from(file);
    flipped[100] = 0;
    await expect(
      repo.append({ brandId, agentId, attachmentId: corrupt, index: 0, bytes: flipped }),
    ).rejects.toMatchObject({ details: { reason: 'MEDIA_CORRUPT' } });
    expect((await repo.meta(brandId, [corrupt]))[0]?.complete).toBe(false);
  });

  it('keeps each piece as its own row and writes the file once, when the last piece arrives', async () => {
    const id = await stage();
    const pieces = [file.subarray(0, 1000), file.subarray(1000, 2000), file.subarray(2000)];
    const bytesNow = async () =>
      ds.query<Array<{ stored: number; pieces: number }>>(
        `SELECT (SELECT octet_length(bytes) FROM attachments WHERE id = $1)::int AS stored,
                (SELECT count(*) FROM attachment_pieces WHERE attachment_id = $1)::int AS pieces`,
        [id],
      );
    await repo.append({ brandId, agentId, attachmentId: id, index: 0, bytes: pieces[0]! });
    await repo.append({ brandId, agentId, attachmentId: id, index: 1, bytes: pieces[1]! });
    // Nothing rewrites the attachment per piece: its bytes stay empty until the file is whole.
    expect(await bytesNow()).toEqual([{ stored: 0, pieces: 2 }]);
    await repo.append({ brandId, agentId, attachmentId: id, index: 2, bytes: pieces[2]! });
    expect(await bytesNow()).toEqual([{ stored: file.length, pieces: 0 }]);
    expect(Buffer.from((await repo.forUpload(brandId, id)).bytes).equals(file)).toBe(true);
  });

  it('refuses a stage past the agent’s or the brand’s quota of bytes on no post', async () => {
    const quotaBrand = randomUUID();
    const staged = (by: string) =>
      repo.stage({
        brandId: quotaBrand,
        agentId: by,
        mediaType: 'image/png',
        kind: 'photo',
        sizeBytes: file.length,
        sha256: sha(file),
        quotaAgentBytes: 2 * file.length,
        quotaBrandBytes: 3 * file.length,
      });
    const [first, second] = [randomUUID(), randomUUID()];
    await staged(first);
    await staged(first);
    await expect(staged(first)).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      details: { reason: 'ATTACHMENT_QUOTA', scope: 'agent', limitBytes: 2 * file.length },
    });
    await staged(second);
    await expect(staged(second)).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      details: { reason: 'ATTACHMENT_QUOTA', scope: 'brand', limitBytes: 3 * file.length },
    });
  });

  it('lets only the uploader add to it, and only within its brand', async () => {
    const id = await stage();
    const other = repo.append({ brandId, agentId: randomUUID(), attachmentId: id, index: 0, bytes: file });
    await expect(other).rejects.toBeInstanceOf(DomainError);
    await expect(other).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      repo.append({ brandId: randomUUID(), agentId, attachmentId: id, index: 0, bytes: file }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('binds an attachment to one post only', async () => {
    const id = await stage();
    await repo.append({ brandId, agentId, attachmentId: id, index: 0, bytes: file });
    await ds.transaction((tx) => repo.bind(tx, brandId, [id], randomUUID()));
    await expect(ds.transaction((tx) => repo.bind(tx, brandId, [id], randomUUID()))).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'ATTACHMENT_IN_USE' },
    });
  });

  it('sweeps attachments no post took within the cutoff, brand by brand, and keeps posted ones', async () => {
    const otherBrand = randomUUID();
    const stale = await stage();
    const staleElsewhere = await stage(file, agentId, otherBrand);
    const posted = await stage();
    await repo.append({ brandId, agentId, attachmentId: posted, index: 0, bytes: file });
    await ds.transaction((tx) => repo.bind(tx, brandId, [posted], randomUUID()));
    const fresh = await stage();
    await ds.query(
      `UPDATE attachments SET created_at = now() - interval '2 days' WHERE id = ANY($1::uuid[])`,
      [[stale, staleElsewhere, posted]],
    );
    const deleted = await repo.deleteStale(new Date(Date.now() - 86_400_000));
    expect(deleted).toBeGreaterThanOrEqual(2);
    const left: Array<{ id: string }> = await ds.query(
      `SELECT id FROM attachments WHERE id = ANY($1::uuid[])`,
      [[stale, staleElsewhere, posted, fresh]],
    );
    expect(left.map((r) => r.id).sort()).toEqual([posted, fresh].sort());
  });
});
