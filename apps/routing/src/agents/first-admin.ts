import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../common/password';
import { brandIdsNamed, emailTaken, insertFirstAdmin } from '../data/first-admin.repository';

export interface FirstAdminInput {
  /** A brand id (UUID; its routing row is created when absent) or the name of an existing brand. */
  readonly brand: string;
  readonly email: string;
  readonly name?: string;
}

export interface FirstAdmin {
  readonly brandId: string;
  readonly agentId: string;
  readonly email: string;
  /** Generated here and shown once: only its hash is stored. */
  readonly password: string;
}

/** A refusal the command prints as is (exit code 2), e.g. an e-mail already in use. */
export class AdminCommandError extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The first admin of a brand, for a deployment without an identity provider (or before its claims
 * are set up): every other login is created by an admin, so someone must start. Written as the
 * brand (row-level security) through routing's own schema, with the same scrypt as every login.
 */
export async function createFirstAdmin(ds: DataSource, input: FirstAdminInput): Promise<FirstAdmin> {
  const email = input.email.trim();
  if (!EMAIL.test(email)) {
    throw new AdminCommandError(`--email ${JSON.stringify(input.email)} is not an e-mail address`);
  }
  const brandId = await resolveBrand(ds, input.brand.trim());
  if (await emailTaken(ds, email)) {
    throw new AdminCommandError(`${email} already signs in to Roost: use another e-mail`);
  }
  const name = input.name?.trim() || email.split('@')[0]!;
  const password = randomBytes(18).toString('base64url');
  const passwordHash = await hashPassword(password);
  const agentId = randomUUID();
  await insertFirstAdmin(ds, {
    brandId,
    brandName: UUID.test(input.brand) ? input.brand : name,
    agentId,
    email,
    name,
    initials: initialsOf(name),
    passwordHash,
  });

  return { brandId, agentId, email, password };
}

async function resolveBrand(ds: DataSource, brand: string): Promise<string> {
  if (UUID.test(brand)) return brand.toLowerCase();
  const rows = await brandIdsNamed(ds, brand);
  if (rows.length === 1) return rows[0]!;
  if (rows.length > 1) {
    throw new AdminCommandError(
      `${rows.length} brands are named ${JSON.stringify(brand)}: pass the brand id`,
    );
  }

  throw new AdminCommandError(
    `no brand named ${JSON.stringify(brand)}: pass the brand's id (a UUID) to create it`,
  );
}

function initialsOf(name: string): string {
  const letters = name
    .split(/[\s._-]+/)
    .filter(Boolean)
    .map((w) => [...w][0]!.toUpperCase());

  return letters.slice(0, 2).join('') || 'AD';
}
