/** Shifts that cover the whole week in the agent's zone: always on shift. */
export const ALL_WEEK = JSON.stringify(
  [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '00:00' })),
);

/**
 * A brand with one care queue (reopen window 60 minutes) and one online agent always on shift in
 * it: the smallest routing a restart or catch-up test needs. `q` runs as the brand (or the owner).
 */
export async function seedOneAgentBrand(
  q: { query(sql: string, params?: unknown[]): Promise<unknown> },
  p: { brandId: string; queueId: string; agentId: string; name: string; capacity: number },
): Promise<void> {
  await q.query(`INSERT INTO brands (id, name) VALUES ($1, $2)`, [p.brandId, p.name]);
  await q.query(
    `INSERT INTO queues (brand_id, id, name, team, reopen_window_minutes) VALUES ($1, $2, 'care', 'care', 60)`,
    [p.brandId, p.queueId],
  );
  await q.query(
    `INSERT INTO agents (brand_id, id, email, name, initials, role, password_hash, languages, timezone, status, capacity, shifts)
     VALUES ($1, $2, $3, 'One Agent', 'OA', 'agent', 'x', '{en}', 'UTC', 'online', $4, $5)`,
    [p.brandId, p.agentId, `${p.name}@t.example`, p.capacity, ALL_WEEK],
  );
  await q.query(`INSERT INTO agent_queues (brand_id, agent_id, queue_id) VALUES ($1, $2, $3)`, [
    p.brandId,
    p.agentId,
    p.queueId,
  ]);
}
