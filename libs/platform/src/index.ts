export * from './platform-modules';
export * from './repo-path';
export * from './clock';
