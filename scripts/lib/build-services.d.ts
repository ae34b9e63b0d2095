// Types for build-services.js.
export function buildServices(options?: { root?: string; log?: (line: string) => void }): number;
export function builtMain(sourceFile: string): string;
