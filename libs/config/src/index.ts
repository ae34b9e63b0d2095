export * from './roost-env';
export * from './demo-brand';
export * from './config.module';
