import { randomUUID } from 'node:crypto';
import { execute, rowType, selectRows, withBrand } from '@roost/database';
import { Type } from '@sinclair/typebox';
import type { DataSource } from 'typeorm';

/** The admin CLI's reads and writes (run as routing's schema owner). */

const EmailTakenRow = rowType('routing.first-admin.email-taken', { taken: Type.Boolean() });

const BrandIdRow = rowType('routing.first-admin.brands-named', { id: Type.String() });

/** Whether anyone, in any brand, already signs in with `email`. */
export async function emailTaken(ds: DataSource, email: string): Promise<boolean> {
  const [taken] = await selectRows(ds, EmailTakenRow, `SELECT routing_email_taken($1, $2::uuid) AS taken`, [
    email,
    randomUUID(),
  ]);

  return taken?.taken === true;
}

/** Ids of the brands named `name` (case-insensitive). */
export async function brandIdsNamed(ds: DataSource, name: string): Promise<string[]> {
  // Brand names are read across brands, which only the schema owner may do (the command runs as it).
  const rows = await selectRows(ds, BrandIdRow, `SELECT id FROM brands WHERE lower(name) = lower($1)`, [
    name,
  ]);

  return rows.map((r) => r.id);
}

/** The brand's routing row (when absent) and its admin, written as the brand (row-level security). */
export async function insertFirstAdmin(
  ds: DataSource,
  a: {
    brandId: string;
    brandName: string;
    agentId: string;
    email: string;
    name: string;
    initials: string;
    passwordHash: string;
  },
): Promise<void> {
  await withBrand(ds, a.brandId, async (tx) => {
    await execute(tx, `INSERT INTO brands (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING`, [
      a.brandId,
      a.brandName,
    ]);
    // An admin configures; capacity 0 and offline keep routing from assigning them conversations.
    await execute(
      tx,
      `INSERT INTO agents (brand_id, id, email, name, initials, role, password_hash, languages, timezone, status, capacity)
       VALUES ($1, $2, $3, $4, $5, 'admin', $6, '{en}', 'UTC', 'offline', 0)`,
      [a.brandId, a.agentId, a.email, a.name, a.initials, a.passwordHash],
    );
  });
}
