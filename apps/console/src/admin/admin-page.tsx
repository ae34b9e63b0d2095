import type { AdminSection, Route } from '../shared/use-route';
import { AgentsAdmin } from './agents-admin';
import { CannedRepliesAdmin } from './canned-replies-admin';
import { GuidelinesAdmin } from './guidelines-admin';
import { ListeningRulesAdmin } from './listening-rules-admin';
import { QueuesAdmin } from './queues-admin';
import { RoutingRulesAdmin } from './routing-rules-admin';
import { ShiftsAdmin } from './shifts-admin';

const SECTIONS: Array<[AdminSection, string]> = [
  ['listening', 'Listening rules'],
  ['canned', 'Canned replies'],
  ['guidelines', 'Brand guidelines'],
  ['queues', 'Queues'],
  ['routing', 'Routing rules'],
  ['shifts', 'Agent shifts'],
  ['agents', 'Agents'],
];

/** Supervisors' settings: what the public API lets them manage. */
export function AdminPage({ section, navigate }: { section: AdminSection; navigate: (to: Route) => void }) {
  return (
    <main className="admin">
      <nav className="admin-nav" aria-label="Settings">
        <h2>Settings</h2>
        {SECTIONS.map(([s, label]) => (
          <a
            key={s}
            href={`/admin/${s}`}
            aria-current={s === section ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              navigate({ name: 'admin', section: s });
            }}
          >
            {label}
          </a>
        ))}
      </nav>
      <section className="admin-body">
        {section === 'listening' ? <ListeningRulesAdmin /> : null}
        {section === 'canned' ? <CannedRepliesAdmin /> : null}
        {section === 'guidelines' ? <GuidelinesAdmin /> : null}
        {section === 'queues' ? <QueuesAdmin /> : null}
        {section === 'routing' ? <RoutingRulesAdmin /> : null}
        {section === 'shifts' ? <ShiftsAdmin /> : null}
        {section === 'agents' ? <AgentsAdmin /> : null}
      </section>
    </main>
  );
}
