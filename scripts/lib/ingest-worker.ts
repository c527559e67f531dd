/** A worker thread of the ingest: ingests the files it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import { encodeRows, ingestBytesOf, type FileTask } from './ingest-one.ts';

parentPort!.on('message', async (task: FileTask & { bytes: Uint8Array; sha256: string }) => {
  // the cells cross threads as bytes of CSV, moved rather than copied: far cheaper than hundreds of small objects
  const rows = encodeRows(await ingestBytesOf(task));
  // this thread's heap, for the memory trace (XXGK_MEM_TRACE): a worker's isolate is not in the main thread's figures
  parentPort!.postMessage({ ...rows, heap: getHeapStatistics().total_heap_size }, [rows.cellsCsv.buffer]);
});

parentPort!.postMessage('ready');
