export * from './bootstrap';
export * from './health.controller';
export * from './observability.module';
export * from './readiness.registry';
export * from './correlation';
