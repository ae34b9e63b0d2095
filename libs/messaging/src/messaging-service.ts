/** Injection token: the name of the service this process runs (durable names, RPC queue groups). */
export const MESSAGING_SERVICE = 'MESSAGING_SERVICE';
