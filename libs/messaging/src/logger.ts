/** The slice of a structured logger the messaging lib needs (pino and Nest's Logger both fit). */
export interface MessagingLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export const silentLogger: MessagingLogger = { info: () => {}, warn: () => {}, error: () => {} };

/** Adapts a Nest `Logger` (nestjs-pino underneath: object first, message second). */
export function fromNestLogger(log: {
  log(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}): MessagingLogger {
  return { info: (o, m) => log.log(o, m), warn: (o, m) => log.warn(o, m), error: (o, m) => log.error(o, m) };
}
