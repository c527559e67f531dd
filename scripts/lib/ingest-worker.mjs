// Worker entry: load TypeScript through tsx in this thread, then run the worker.
import { register } from 'tsx/esm/api';

register();
await import('./ingest-worker.ts');
