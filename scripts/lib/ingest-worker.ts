/** A worker thread of the ingest: ingests the files it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import { encodeRows, ingestBytesOf, type FileTask } from './ingest-one.ts';

// a worker sees the environment its pool was started with
const TRACE = Boolean(process.env.XXGK_MEM_TRACE);

parentPort!.on('message', async (task: FileTask & { bytes: Uint8Array; sha256: string }) => {
  // the cells cross threads as bytes of CSV, moved rather than copied: far cheaper than hundreds of small objects
  const rows = encodeRows(await ingestBytesOf(task));
  // this thread's heap, for the memory trace only: a worker's isolate is not in the main thread's figures
  const heap = TRACE ? getHeapStatistics().total_heap_size : undefined;
  parentPort!.postMessage({ ...rows, heap }, [rows.cellsCsv.buffer]);
});

parentPort!.postMessage('ready');
