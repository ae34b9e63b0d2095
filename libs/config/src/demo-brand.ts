/**
 * The demo brand, Acme, seeded by each service into its own schema when ROOST_DEMO_SEED=true
 * (never in production). Fixed ids so every service agrees without talking at seed time.
 */
export const DEMO = {
  brandId: '0a9f2c1e-7b1d-4c55-9d3e-acbe00000001',
  brandName: 'Acme',
  password: 'roost-demo',
  accounts: {
    care: { id: '0a9f2c1e-7b1d-4c55-9d3e-acbe000000c1', handle: 'acmecares', role: 'care' as const },
    engagement: { id: '0a9f2c1e-7b1d-4c55-9d3e-acbe000000e1', handle: 'acme', role: 'engagement' as const },
  },
  queues: {
    careEn: { id: '0a9f2c1e-7b1d-4c55-9d3e-acbe000000a1', name: 'Care (English)', team: 'care' as const },
    careGlobal: { id: '0a9f2c1e-7b1d-4c55-9d3e-acbe000000a2', name: 'Care (Global)', team: 'care' as const },
    sales: { id: '0a9f2c1e-7b1d-4c55-9d3e-acbe000000a3', name: 'Sales', team: 'sales' as const },
  },
} as const;
