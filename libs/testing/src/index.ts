export * from './eventually';
export * from './infra';
export * from './names';
export * from './stack';
