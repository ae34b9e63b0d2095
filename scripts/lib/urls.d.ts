// Types for urls.js (plain CommonJS so roost.js needs no TypeScript loader).
export interface ParsedDatabaseUrl {
  url: string;
  host: string;
  port: number;
  user: string;
  password: string | undefined;
  database: string;
  isLocal: boolean;
}
export interface ParsedNatsServer {
  url: string;
  host: string;
  port: number;
  isLocal: boolean;
}
export const DEFAULT_DATABASE_URL: string;
export const DEFAULT_NATS_SERVERS: string;
export function isLocalHost(host: string | undefined): boolean;
export function parseDatabaseUrl(raw: string | undefined): ParsedDatabaseUrl;
export function rewriteDatabaseUrl(raw: string, to: { host?: string; port?: number }): string;
export function redactUrl(raw: string): string;
export function parseNatsServers(raw: string | undefined): ParsedNatsServer[];
