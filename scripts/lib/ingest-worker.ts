/** A worker thread of the ingest: reads and ingests the files it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { ingestOne, type FileTask } from './ingest-one.ts';

parentPort!.on('message', async (task: FileTask & { id: number }) => {
  const out = await ingestOne(task);
  // one string crosses threads far cheaper than thousands of small objects
  parentPort!.postMessage({ id: task.id, json: JSON.stringify(out) });
});
