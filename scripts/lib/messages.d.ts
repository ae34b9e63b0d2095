// Types for messages.js.
export function natsMissingMessage(options: {
  servers: string[];
  reason: 'no-binary' | 'remote' | 'no-jetstream' | 'start-failed';
  platform?: string;
  detail?: string;
}): string;
export function postgresMissingMessage(options: {
  url: string;
  reason: 'remote' | 'rejected' | 'no-binaries' | 'start-failed';
  platform?: string;
  detail?: string;
}): string;
