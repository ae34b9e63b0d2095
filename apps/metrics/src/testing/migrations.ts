// Tests in data/ are held to that layer, which may not import migrations/: they reach the
// migrations they run (on a test schema) through here.
export { METRICS_MIGRATIONS } from '../migrations';
export { ResponseCycles1764100000300 } from '../migrations/1764100000300-response-cycles';
