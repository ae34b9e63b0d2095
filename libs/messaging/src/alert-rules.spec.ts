import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { parse } from 'yaml';
import { MessagingMetrics } from './messaging-metrics';

interface Rule {
  alert: string;
  expr: string;
  labels: { severity: string };
}

const rules = (
  parse(readFileSync(join(__dirname, '../../../deploy/prometheus/alerts.yml'), 'utf8')) as {
    groups: Array<{ rules: Rule[] }>;
  }
).groups.flatMap((g) => g.rules);

/**
 * The alert rules name the bus's own metrics and labels (promtool checks the syntax, not that the
 * services expose what a rule reads): renaming a metric or a label must fail here, not go silent.
 */
describe('deploy/prometheus/alerts.yml', () => {
  const registry = new Registry();
  new MessagingMetrics(registry);
  const metrics = new Map(
    registry.getMetricsAsArray().map((m) => [m.name, (m as unknown as { labelNames: string[] }).labelNames]),
  );

  it('alerts on every dead letter and on retries exhausted', () => {
    expect(rules.map((r) => [r.alert, r.labels.severity])).toEqual(
      expect.arrayContaining([
        ['RoostDeadLetter', 'warning'],
        ['RoostDeadLettersRetriesExhausted', 'critical'],
      ]),
    );
  });

  it.each(rules.map((r) => [r.alert, r] as const))(
    '%s reads only metrics and labels the services expose',
    (_name, rule) => {
      const names = [...rule.expr.matchAll(/\broost_[a-z_]+/g)].map((m) => m[0]);
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) {
        expect(metrics.has(name)).toBe(true);
        const exposed = new Set([...metrics.get(name)!, 'job', 'instance']);
        const used = [
          ...rule.expr.matchAll(/by \(([^)]*)\)/g),
          ...rule.expr.matchAll(/\{([a-z_]+)=/g),
        ].flatMap((m) => m[1]!.split(',').map((l) => l.trim()));
        for (const label of used) expect([name, label, exposed.has(label)]).toEqual([name, label, true]);
      }
    },
  );
});
