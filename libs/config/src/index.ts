export * from './roost-env';
