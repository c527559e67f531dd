/**
 * The browser edge of 年报体检: files read in the page and parsed by the ingest's own core, with
 * PDFium (WebAssembly, served by this site) for PDFs. Nothing is sent anywhere: `prepare()`
 * fetches the engine before any file is chosen, so checking a file makes no request.
 */
import { init } from '@embedpdf/pdfium';
import pdfiumWasm from '@embedpdf/pdfium/pdfium.wasm?url';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { readPdf } from '../ingest/extract/pdfium.ts';
import { ingestFile, type Extractors, type IngestOutput } from '../ingest/ingest-file.ts';

let engine: Promise<Extractors> | null = null;

export function prepare(): Promise<Extractors> {
  engine ??= (async () => {
    const res = await fetch(pdfiumWasm);
    if (!res.ok) throw new Error(`PDF 引擎无法载入 / PDF engine: HTTP ${res.status}`);
    const module = await init({ wasmBinary: await res.arrayBuffer() } as never);
    module.PDFiumExt_Init();
    const ex: Extractors = { pdf: async (bytes: Uint8Array) => readPdf(module, bytes) };
    // a first small report, so the region index is built and the code compiled before a user's file
    const warm = new TextEncoder().encode('巨鹿县人民政府办公室\n2024年政府信息公开工作年度报告\n一、总体情况\n');
    await ingestFile({ bytes: warm, path: 'warm-up.txt', sha256: '0'.repeat(64) }, ex);
    return ex;
  })();
  engine.catch(() => (engine = null));
  return engine;
}

/** One file, as the ingest reads it (SHA-256 in JavaScript: pages served over plain http have no Web Crypto). */
export async function checkFile(name: string, bytes: Uint8Array): Promise<IngestOutput> {
  const ex = await prepare();
  return ingestFile({ bytes, path: name, sha256: bytesToHex(sha256(bytes)), regionHint: null, sourceUrl: null }, ex);
}
