export * from './eventually';
export * from './infra';
export * from './names';
export * from './stack';
export * from './fuzz/schema-arbitrary';
export * from './fuzz/hostile-json';
export * from './read-events';
export * from './fixtures/mention-received';
