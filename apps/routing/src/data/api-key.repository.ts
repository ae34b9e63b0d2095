import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AgentRole, ApiKeyPrincipal, ApiKeyView } from '@roost/contracts';
import { execute, Nullable, rowType, selectRows, withBrand } from '@roost/database';
import { Type, type Static } from '@sinclair/typebox';
import { DataSource } from 'typeorm';
import { AgentRoleColumn } from './brand-config.record';

/** An api_keys row as COLUMNS selects it. */
const ApiKeyRow = rowType('routing.api-keys.row', {
  id: Type.String(),
  brand_id: Type.String(),
  name: Type.String(),
  role: AgentRoleColumn,
  prefix: Type.String(),
  created_by: Type.String(),
  created_at: Type.Date(),
  last_used_at: Nullable(Type.Date()),
  revoked_at: Nullable(Type.Date()),
  expires_at: Nullable(Type.Date()),
  bound_to_creator: Type.Boolean(),
});
type ApiKeyRow = Static<typeof ApiKeyRow.schema>;

const ActorRow = rowType('routing.api-keys.actor', { role: AgentRoleColumn, active: Type.Boolean() });

/** The owner-run lookup answers NULL for an unknown hash. */
const KeyBrandRow = rowType('routing.api-keys.brand-by-hash', { brand_id: Nullable(Type.String()) });

const LiveKeyRow = rowType('routing.api-keys.live-by-hash', {
  id: Type.String(),
  brand_id: Type.String(),
  role: AgentRoleColumn,
  name: Type.String(),
  last_used_at: Nullable(Type.Date()),
  expires_at: Nullable(Type.Date()),
});

const COLUMNS =
  'id, brand_id, name, role, prefix, created_by, created_at, last_used_at, revoked_at, expires_at, bound_to_creator';

/** Roles in order of power: a bound key needs a creator at least as powerful as the key. */
const RANK = (col: string): string =>
  `CASE ${col} WHEN 'agent' THEN 1 WHEN 'supervisor' THEN 2 WHEN 'admin' THEN 3 END`;

function toView(r: ApiKeyRow): ApiKeyView {
  return {
    id: r.id,
    brandId: r.brand_id,
    name: r.name,
    role: r.role,
    prefix: r.prefix,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
    expiresAt: r.expires_at?.toISOString() ?? null,
    boundToCreator: r.bound_to_creator,
  };
}

/**
 * api_keys: brand first in every management query (STYLE.md practice 9), each in a transaction of
 * the brand (row-level security); verification is by hash only, the brand learnt from the owner-run
 * `routing_api_key_brand`.
 */
@Injectable()
export class ApiKeyRepository {
  constructor(private readonly ds: DataSource) {}

  async create(
    brandId: string,
    key: {
      name: string;
      role: AgentRole;
      prefix: string;
      hash: Buffer;
      createdBy: string;
      expiresAt: Date | null;
      boundToCreator: boolean;
    },
  ): Promise<ApiKeyView> {
    const rows = await withBrand(this.ds, brandId, (tx) =>
      selectRows(
        tx,
        ApiKeyRow,
        `INSERT INTO api_keys (brand_id, id, name, role, prefix, key_hash, created_by, expires_at, bound_to_creator)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
        [
          brandId,
          randomUUID(),
          key.name,
          key.role,
          key.prefix,
          key.hash,
          key.createdBy,
          key.expiresAt,
          key.boundToCreator,
        ],
      ),
    );

    return toView(rows[0] as ApiKeyRow);
  }

  /** The acting agent's current role and access, or null when the brand has no such agent. */
  async actor(brandId: string, agentId: string): Promise<{ role: AgentRole; active: boolean } | null> {
    const rows = await withBrand(this.ds, brandId, (tx) =>
      selectRows(tx, ActorRow, `SELECT role, active FROM agents WHERE brand_id = $1 AND id = $2`, [
        brandId,
        agentId,
      ]),
    );

    return rows[0] ?? null;
  }

  async list(brandId: string): Promise<ApiKeyView[]> {
    const rows = await withBrand(this.ds, brandId, (tx) =>
      selectRows(
        tx,
        ApiKeyRow,
        `SELECT ${COLUMNS} FROM api_keys WHERE brand_id = $1 ORDER BY created_at, id`,
        [brandId],
      ),
    );

    return rows.map(toView);
  }

  /** Sets revoked_at once (a second revoke keeps the first time); null when the brand has no such key. */
  async revoke(brandId: string, id: string): Promise<ApiKeyView | null> {
    // TypeORM answers an UPDATE … RETURNING as [rows, affected count]; selectRows takes the rows.
    const rows = await withBrand(this.ds, brandId, (tx) =>
      selectRows(
        tx,
        ApiKeyRow,
        `UPDATE api_keys SET revoked_at = coalesce(revoked_at, now())
         WHERE brand_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
        [brandId, id],
      ),
    );

    return rows[0] ? toView(rows[0]) : null;
  }

  /**
   * The live key with this hash, recording its use: not revoked, not expired, and, when bound to its
   * creator, the creator still active and at least as powerful as the key (read now, so a
   * deactivation or demotion stops the creator's keys without anyone revoking them). last_used_at is written at most once a minute
   * per key, so a busy integration costs one UPDATE a minute, not one per verification.
   */
  async useByHash(hash: Buffer): Promise<ApiKeyPrincipal | null> {
    const [found] = await selectRows(this.ds, KeyBrandRow, `SELECT routing_api_key_brand($1) AS brand_id`, [
      hash,
    ]);
    const brandId = found?.brand_id;
    if (!brandId) return null;

    return withBrand(this.ds, brandId, async (tx) => {
      const rows = await selectRows(
        tx,
        LiveKeyRow,
        `SELECT k.id, k.brand_id, k.role, k.name, k.last_used_at, k.expires_at
         FROM api_keys k LEFT JOIN agents a ON a.brand_id = k.brand_id AND a.id = k.created_by
         WHERE k.brand_id = $1 AND k.key_hash = $2 AND k.revoked_at IS NULL
           AND (k.expires_at IS NULL OR k.expires_at > now())
           AND (NOT k.bound_to_creator OR (a.active AND ${RANK('a.role')} >= ${RANK('k.role')}))`,
        [brandId, hash],
      );
      const row = rows[0];
      // Revoked between the two statements, expired, or its creator lost the access it needs.
      if (!row) return null;
      if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
        await execute(tx, `UPDATE api_keys SET last_used_at = now() WHERE brand_id = $1 AND id = $2`, [
          row.brand_id,
          row.id,
        ]);
      }

      return {
        id: row.id,
        brandId: row.brand_id,
        role: row.role,
        name: row.name,
        expiresAt: row.expires_at?.toISOString() ?? null,
      };
    });
  }
}
