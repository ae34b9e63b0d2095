// Types for plan.js.
export interface ServiceSpec {
  name: string;
  portEnv: string;
  port: number;
  gate?: boolean;
  simulator?: boolean;
  migrations?: boolean;
}
export interface StartPlan {
  run: Array<ServiceSpec & { main: string }>;
  skipped: Array<{ name: string; why: string }>;
  childEnv: Record<string, string | undefined>;
  realX: boolean;
  notes: string[];
}
export function planStart(options: {
  services: ServiceSpec[];
  env: Record<string, string | undefined>;
  infraEnv: { DATABASE_URL: string; NATS_SERVERS: string };
  noTraffic: boolean;
  exists: (relPath: string) => boolean;
}): StartPlan;
export function readyBoxLines(options: {
  ports: Record<string, string | number | undefined>;
  running: string[];
  trafficRate: string | undefined;
  realX: boolean;
  logDir: string;
  elapsed: string;
}): string[];
export function jestArgs(extra: string[]): string[];
export const DEMO_JWT_SECRET: string;
export const DEMO_LOGINS: string[];
export const DEMO_PASSWORD: string;
