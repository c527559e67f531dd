/** A worker thread of the ingest: ingests the files it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { ingestBytesOf, type FileTask } from './ingest-one.ts';

parentPort!.on('message', async (task: FileTask & { bytes: Uint8Array; sha256: string }) => {
  const out = await ingestBytesOf(task);
  // one string crosses threads cheaper than thousands of small objects
  parentPort!.postMessage(JSON.stringify(out));
});

parentPort!.postMessage('ready');
