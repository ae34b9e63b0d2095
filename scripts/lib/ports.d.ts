// Types for ports.js.
export function isPortFree(port: number, host?: string): Promise<boolean>;
export function pickPort(options: {
  preferred: number;
  isFree?: (port: number) => boolean | Promise<boolean>;
  attempts?: number;
}): Promise<number>;
