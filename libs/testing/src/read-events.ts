import type { EventDef, PayloadOf } from '@roost/contracts';
import type { NatsClient } from '@roost/messaging';

/**
 * Every event of one kind in its stream so far, in order (an ordered consumer over the whole
 * stream, filtered here: nats-server 2.9 has no filter_subjects), decoded with the contract.
 */
export async function readEvents<D extends EventDef>(
  client: NatsClient,
  def: D,
): Promise<Array<PayloadOf<D>>> {
  const consumer = await client.js.consumers.get(client.topology.streamName(def.stream));
  const prefix = `${client.topology.ns}.${def.name}.`;
  const out: Array<PayloadOf<D>> = [];
  for (;;) {
    const batch = await consumer.fetch({ max_messages: 1000, expires: 1000 });
    let n = 0;
    for await (const m of batch) {
      if (m.subject.startsWith(prefix)) out.push(def.codec.decode(m.data) as PayloadOf<D>);
      n++;
    }
    if (n === 0) return out;
  }
}
