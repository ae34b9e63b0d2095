export * from './data-source';
export * from './errors';
export * from './multi-row';
export * from './database.module';
export * from './migrate-cli';
export * from './brand-isolation';
export * from './outbox-table';
