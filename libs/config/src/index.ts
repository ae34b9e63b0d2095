export * from './roost-env';
export * from './twitter-sim-env';
export * from './demo-brand';
export * from './config.module';
