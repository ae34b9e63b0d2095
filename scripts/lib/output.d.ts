// Types for output.js.
export function say(line?: string): void;
export function sayError(text: string): void;
export function box(lines: string[]): string;
export function formatLogLine(line: string): string;
export function tailFile(file: string, count?: number): string[];
export function printTail(options: { name: string; file: string; count?: number }): void;
export function seconds(ms: number): string;
