// proxy-addr (express's own dependency, which computes req.ip) ships no types; the socket path
// uses it with express's compiled `trust proxy fn` so both transports agree on the client address.
declare module 'proxy-addr' {
  import type { IncomingMessage } from 'node:http';

  type TrustFn = (addr: string, hop: number) => boolean;
  function proxyaddr(req: IncomingMessage, trust: TrustFn): string;
  export = proxyaddr;
}
