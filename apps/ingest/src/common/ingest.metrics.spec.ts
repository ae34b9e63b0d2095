import { Registry } from 'prom-client';
import { IngestMetrics } from './ingest.metrics';

describe('IngestMetrics', () => {
  it('shows each brand’s X budget figures as they stand at the scrape, and no brand before any', async () => {
    const registry = new Registry();
    const metrics = new IngestMetrics(registry);
    expect(await registry.metrics()).not.toMatch(/roost_ingest_x_spend_credits\{/);
    const figures = new Map([['brand-1', { spent: 3, forecast: 9, budget: 100 }]]);
    metrics.readXBudgetFrom(() => figures.entries());
    const text = await registry.metrics();
    expect(text).toMatch(/^roost_ingest_x_spend_credits\{brand="brand-1"\} 3$/m);
    expect(text).toMatch(/^roost_ingest_x_spend_forecast_credits\{brand="brand-1"\} 9$/m);
    expect(text).toMatch(/^roost_ingest_x_budget_credits\{brand="brand-1"\} 100$/m);
    figures.set('brand-1', { spent: 5, forecast: 12, budget: 100 });
    expect(await registry.metrics()).toMatch(/^roost_ingest_x_spend_credits\{brand="brand-1"\} 5$/m);
  });
});
