import type { PresenceEntry } from './use-presence';

/** "AB is typing…", "CD is viewing": who else has this conversation open right now. */
export function PresenceBar({ others }: { others: readonly PresenceEntry[] }) {
  if (others.length === 0) return null;
  return (
    <div className="presence-bar" data-testid="presence" aria-live="polite">
      {others.map((p) => (
        <span
          key={p.agentId}
          className={`presence ${p.state.toLowerCase()}`}
          data-agent={p.agentInitials}
          data-state={p.state}
        >
          <span className="avatar small" aria-hidden="true">
            {p.agentInitials}
          </span>
          {p.agentInitials} {p.state === 'TYPING' ? 'is typing…' : 'is viewing'}
        </span>
      ))}
    </div>
  );
}
