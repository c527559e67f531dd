/** PDFium for Node: the PDF engine the pure ingest core is given. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { init, type WrappedPdfiumModule } from '@embedpdf/pdfium';
import type { Extractors } from '../../src/ingest/ingest-file.ts';
import { readPdf } from '../../src/ingest/extract/pdfium.ts';

let pdfium: Promise<WrappedPdfiumModule> | null = null;

/** One PDFium instance per thread, started on first use. */
export function pdfiumModule(): Promise<WrappedPdfiumModule> {
  pdfium ??= (async () => {
    const dir = dirname(createRequire(import.meta.url).resolve('@embedpdf/pdfium'));
    const module = await init({ wasmBinary: readFileSync(join(dir, 'pdfium.wasm')).buffer } as never);
    module.PDFiumExt_Init();
    return module;
  })();
  return pdfium;
}

export const nodeExtractors: Extractors = {
  pdf: async (bytes) => readPdf(await pdfiumModule(), bytes),
};
