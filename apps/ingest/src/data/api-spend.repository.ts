import { Injectable } from '@nestjs/common';
import { execute, Nullable, rowType, selectOne, selectRows, useBrand } from '@roost/database';
import { Type } from '@sinclair/typebox';
import { DataSource } from 'typeorm';

/** `api_spend_brands(month)` (owner-run, `SETOF uuid`): the brands with spend in a month. */
export const SpendBrandRow = rowType('ingest.api_spend_brands', { brand_id: Type.String() });
/** `sum(credits)` of a brand's month: numeric arrives as a string, NULL when the brand has no row. */
export const MonthCreditsRow = rowType('ingest.api_spend.month_credits', {
  credits: Nullable(Type.String()),
});

/** One brand's X spend of one source in a month, as added up since the last flush. */
export interface SpendRow {
  brandId: string;
  source: string;
  calls: number;
  items: number;
  credits: number;
}

/** X API spend per brand, month and source (`api_spend`). */
@Injectable()
export class ApiSpendRepository {
  constructor(private readonly ds: DataSource) {}

  /** Each brand's credits of `month`: brands from the owner-run `api_spend_brands` (ids only), each brand's sum as that brand. */
  async monthCredits(month: string): Promise<Array<[string, number]>> {
    return this.ds.transaction(async (tx) => {
      const brands = await selectRows(tx, SpendBrandRow, `SELECT api_spend_brands($1) AS brand_id`, [month]);
      const out: Array<[string, number]> = [];
      for (const { brand_id: brandId } of brands) {
        await useBrand(tx, brandId);
        const r = await selectOne(
          tx,
          MonthCreditsRow,
          `SELECT sum(credits) AS credits FROM api_spend WHERE brand_id = $1 AND month = $2`,
          [brandId, month],
        );
        out.push([brandId, Number(r.credits ?? 0)]);
      }

      return out;
    });
  }

  /** Adds the rows to `month` in one transaction, brand by brand in the given order (row-level security). */
  async add(month: string, rows: readonly SpendRow[]): Promise<void> {
    await this.ds.transaction(async (tx) => {
      let declared: string | undefined;
      for (const p of rows) {
        if (p.brandId !== declared) {
          declared = p.brandId;
          await useBrand(tx, declared);
        }
        await execute(
          tx,
          `INSERT INTO api_spend (brand_id, month, source, calls, items, credits) VALUES ($1,$2,$3,$4,$5,$6)
           ON CONFLICT (brand_id, month, source) DO UPDATE SET calls = api_spend.calls + EXCLUDED.calls,
             items = api_spend.items + EXCLUDED.items, credits = api_spend.credits + EXCLUDED.credits`,
          [p.brandId, month, p.source, p.calls, p.items, p.credits],
        );
      }
    });
  }
}
