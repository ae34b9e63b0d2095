import pino from 'pino';
import type { Logger } from 'pino';

export function createSimLogger(level: string): Logger {
  return pino({ level, base: { service: 'twitter-sim', pid: process.pid } });
}
