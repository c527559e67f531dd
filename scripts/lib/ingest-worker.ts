/** A worker thread of the ingest: ingests the files it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { encodeRows, ingestBytesOf, type FileTask } from './ingest-one.ts';

parentPort!.on('message', async (task: FileTask & { bytes: Uint8Array; sha256: string }) => {
  // the cells cross threads as bytes of CSV, moved rather than copied: far cheaper than hundreds of small objects
  const rows = encodeRows(await ingestBytesOf(task));
  parentPort!.postMessage(rows, [rows.cellsCsv.buffer]);
});

parentPort!.postMessage('ready');
