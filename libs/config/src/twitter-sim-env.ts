import { cleanEnv, num, str } from 'envalid';
import { DEFAULT_PORTS, LOG_LEVELS } from './roost-env';

/**
 * twitter-sim's settings. The X API emulator does not use RoostEnv (no database, no NATS, none
 * of the platform's production checks), so it has its own reader here. It is also importable as
 * `@roost/config/twitter-sim`, which leaves NestJS unloaded (the emulator is not a Nest app).
 */
export interface TwitterSimEnv {
  readonly port: number;
  readonly host: string;
  /** Tweets (and DMs) per second; 0 turns the generator off. */
  readonly trafficRate: number;
  readonly seed: number;
  readonly heartbeatMs: number;
  /** How long a batch compliance job runs after its upload (X: minutes to hours). */
  readonly complianceProcessingMs: number;
  readonly logLevel: string;
}

/** Read once at boot; a bad value stops the process naming the variable. */
export function readTwitterSimEnv(source: NodeJS.ProcessEnv = process.env): TwitterSimEnv {
  const e = cleanEnv(source, {
    TWITTER_SIM_PORT: num({
      default: DEFAULT_PORTS['twitter-sim'],
      desc: 'port of the X API emulator, e.g. 4100',
    }),
    TWITTER_SIM_HOST: str({ default: '127.0.0.1', desc: 'interface to bind, e.g. 127.0.0.1' }),
    SIM_TRAFFIC_RATE: num({ default: 1, desc: 'generated tweets per second, 0 = off' }),
    SIM_SEED: num({ default: 42, desc: 'seed of the traffic generator, e.g. 42' }),
    SIM_HEARTBEAT_MS: num({ default: 20_000, desc: 'stream heartbeat interval like X, e.g. 20000' }),
    SIM_COMPLIANCE_PROCESSING_MS: num({
      default: 5_000,
      desc: 'how long a batch compliance job stays in_progress, e.g. 5000',
    }),
    LOG_LEVEL: str({ default: 'info', choices: LOG_LEVELS }),
  });
  if (e.SIM_TRAFFIC_RATE < 0) {
    throw new Error('SIM_TRAFFIC_RATE must be >= 0 (e.g. 1)');
  }

  return Object.freeze({
    port: e.TWITTER_SIM_PORT,
    host: e.TWITTER_SIM_HOST,
    trafficRate: e.SIM_TRAFFIC_RATE,
    seed: e.SIM_SEED,
    heartbeatMs: e.SIM_HEARTBEAT_MS,
    complianceProcessingMs: e.SIM_COMPLIANCE_PROCESSING_MS,
    logLevel: e.LOG_LEVEL,
  });
}
