/** pdf.js and mammoth for Node: the readers the pure ingest core is given. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import mammoth from 'mammoth';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Extractors } from '../../src/ingest/ingest-file.ts';
import type { PdfJsLike } from '../../src/ingest/extract/pdf.ts';

const pdfRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export const nodeExtractors: Extractors = {
  pdfjs: pdfjs as unknown as PdfJsLike,
  pdfOptions: {
    // CJK fonts without embedded ToUnicode tables need the predefined CMaps
    cMapUrl: `${join(pdfRoot, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(pdfRoot, 'standard_fonts')}/`,
  },
  docxToHtml: async (bytes) => (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value,
};

