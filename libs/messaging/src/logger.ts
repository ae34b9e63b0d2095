/** The slice of a structured logger the messaging lib needs (pino and Nest's Logger both fit). */
export interface MessagingLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export const silentLogger: MessagingLogger = { info: () => {}, warn: () => {}, error: () => {} };
