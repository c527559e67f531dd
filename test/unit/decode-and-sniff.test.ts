import { describe, expect, it } from 'vitest';
import { decode } from '../../src/ingest/decode.ts';
import { sniffFormat } from '../../src/ingest/sniff.ts';
import { ingestString } from '../helpers/ingest.ts';
import { ingestFile } from '../../src/ingest/ingest-file.ts';

const gbk = (s: string) => new Uint8Array(Buffer.from(s, 'latin1')); // bytes given as latin1 escapes
// "政府信息公开" in GBK
const GBK_BYTES = gbk('\xd5\xfe\xb8\xae\xd0\xc5\xcf\xa2\xb9\xab\xbf\xaa');

describe('decode', () => {
  it('UTF-8 with and without BOM', async () => {
    expect(decode(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('报告')]))).toMatchObject({ text: '报告', encoding: 'utf-8' });
    expect(decode(new TextEncoder().encode('报告'))).toMatchObject({ text: '报告', encoding: 'utf-8' });
  });
  it('GBK without a declaration falls back to GB18030', async () => {
    expect(decode(GBK_BYTES)).toMatchObject({ text: '政府信息公开', encoding: 'gb18030', replaced: 0 });
  });
  it('GBK labelled UTF-8 is still GBK', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('<meta charset="utf-8">'), ...GBK_BYTES]);
    expect(decode(bytes).text).toContain('政府信息公开');
  });
  it('a declared charset is used when the bytes are not UTF-8', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('<meta charset="gbk">'), ...GBK_BYTES]);
    expect(decode(bytes)).toMatchObject({ encoding: 'gb18030' });
  });
});

describe('files that are not reports fail alone, with their reason', () => {
  const sha = '0'.repeat(64);
  const run = async (bytes: Uint8Array, path: string) => (await ingestFile({ bytes, path, sha256: sha })).report;
  it.each([
    [new Uint8Array(), 'empty.txt', 'empty', /空文件/],
    [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'a.doc', 'doc', /\.doc\/\.wps\/\.et/],
    [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'a.zip', 'zip', /zip/],
    [new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), 'noise.bin', 'binary', /binary/],
  ])('%#: %s', async (bytes, path, format, reason) => {
    const r = await run(bytes, path);
    expect(r.source_format).toBe(format);
    expect(r.status).toBe('failed');
    expect(r.status_reason).toMatch(reason);
  });

  it('a text with no report tables fails but keeps agency and year', async () => {
    const out = await ingestString('巨鹿县人民政府办公室\n2024年政府信息公开工作年度报告\n本报告统计期限为2024年1月1日至12月31日。\n正文没有表格。');
    expect(out.report).toMatchObject({ status: 'failed', agency_name: '巨鹿县人民政府办公室', year: 2024, region_code: '130529' });
    expect(out.report.status_reason).toMatch(/no report tables/);
  });

  it('sniffs by content before the name', async () => {
    expect(sniffFormat(new TextEncoder().encode('<!DOCTYPE html><p>x</p>'), 'report.txt')).toBe('html');
    expect(sniffFormat(new TextEncoder().encode('| a | b |'), 'report.md')).toBe('markdown');
    expect(sniffFormat(new TextEncoder().encode('%PDF-1.4'), 'report.html')).toBe('pdf');
  });
});
