/**
 * The bad-input corpus, made here (nothing large is committed): broken, hostile and absurd files
 * mixed with good ones. Every input file gets its own row with a status and, where it could not
 * be read, a reason in Chinese and English; the good files are read as if alone; a file past the
 * time or memory limit fails alone.
 */
import { deflateRawSync, constants } from 'node:zlib';
import { closeSync, cpSync, mkdirSync, mkdtempSync, openSync, readFileSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { htmlToPdf, launchChromium } from '../../scripts/lib/chromium.ts';
import { listInputs } from '../../scripts/lib/inputs.ts';
import { ingestRows } from '../helpers/dataset.ts';
import { hostilePage } from '../helpers/hostile.ts';

const dir = mkdtempSync(join(tmpdir(), 'xxgk-badin-'));
const input = join(dir, 'in');
const JULU = 'data/samples/julu-county-office-2024.txt';
const PINGTAN = 'data/samples/2022_pingtan-comprehensive-zone.html';

/** A zip holding one entry, its sizes as given (a bomb can state them honestly or lie). */
export function zipOf(name: string, raw: Buffer, declared: number): Buffer {
  const n = Buffer.from(name);
  const lh = Buffer.alloc(30);
  lh.writeUInt32LE(0x04034b50, 0); lh.writeUInt16LE(20, 4); lh.writeUInt16LE(8, 8);
  lh.writeUInt32LE(raw.length, 18); lh.writeUInt32LE(declared >>> 0, 22); lh.writeUInt16LE(n.length, 26);
  const cd = Buffer.alloc(46);
  cd.writeUInt32LE(0x02014b50, 0); cd.writeUInt16LE(20, 4); cd.writeUInt16LE(20, 6); cd.writeUInt16LE(8, 10);
  cd.writeUInt32LE(raw.length, 20); cd.writeUInt32LE(declared >>> 0, 24); cd.writeUInt16LE(n.length, 28);
  const local = Buffer.concat([lh, n, raw]);
  const central = Buffer.concat([cd, n]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length, 12); end.writeUInt32LE(local.length, 16);
  return Buffer.concat([local, central, end]);
}

/** A deflate stream of `mb` MB of zeros, a few KB per GB: the same flushed block, repeated, then an empty final block. */
function zeros(mb: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: mb }, () => block), Buffer.from([0x03, 0x00])]);
}

const FILES: Record<string, { status: string; reason?: RegExp }> = {
  'empty.txt': { status: 'failed', reason: /empty file/ },
  'zero bytes.pdf': { status: 'failed', reason: /empty file/ },
  'garbage.bin': { status: 'failed', reason: /\/ [A-Za-z]/ },
  'truncated.pdf': { status: 'failed', reason: /damaged/ },
  'truncated.docx': { status: 'failed', reason: /damaged DOCX/ },
  'encrypted.pdf': { status: 'failed', reason: /encrypted/ },
  'bomb-honest.docx': { status: 'failed', reason: /too large when unpacked/ },
  'bomb-lying.docx': { status: 'failed', reason: /\/ [A-Za-z]/ },
  'huge.txt': { status: 'failed', reason: /file too large/ },
  'deep.html': { status: 'failed', reason: /\/ [A-Za-z]/ },
  'pingtan.html': { status: 'ok' },
  'gbk-labelled-utf8.html': { status: 'ok' },
  '名字 有 空格 和中文 (1).txt': { status: 'ok' },
  'julu.txt': { status: 'ok' },
  'same-as-julu.txt': { status: 'failed', reason: /byte-identical/ },
  'hostile.html': { status: 'partial' },
  'numbers.txt': { status: 'partial' },
};

beforeAll(() => {
  mkdirSync(input, { recursive: true });
  const at = (name: string) => join(input, name);
  const pdf = readFileSync('data/samples/2024_huaian-city-government.pdf');
  const docx = readFileSync('test/fixtures/docx/blank-form-v2021.docx');
  writeFileSync(at('empty.txt'), '');
  writeFileSync(at('zero bytes.pdf'), '');
  let seed = 7;
  writeFileSync(at('garbage.bin'), Buffer.from(Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24)));
  writeFileSync(at('truncated.pdf'), pdf.subarray(0, pdf.length >> 1));
  writeFileSync(at('truncated.docx'), docx.subarray(0, docx.length >> 1));
  cpSync('test/fixtures/bad/encrypted.pdf', at('encrypted.pdf'));
  // 2 GiB of zeros as word/document.xml, in a 2 MB file: sizes stated, and sizes that lie
  const bomb = zeros(2048);
  writeFileSync(at('bomb-honest.docx'), zipOf('word/document.xml', bomb, 2 ** 31));
  writeFileSync(at('bomb-lying.docx'), zipOf('word/document.xml', bomb, 1000));
  // 200 MB of text
  const fd = openSync(at('huge.txt'), 'w');
  const line = Buffer.from('政府信息公开工作年度报告 0 0 0 0 0 0 0\n'.repeat(1000));
  for (let n = 0; n < 200 * 1024 * 1024; n += line.length) writeSync(fd, line);
  closeSync(fd);
  writeFileSync(at('deep.html'), `<html><body>${'<div>'.repeat(10_000)}巨鹿县${'</div>'.repeat(10_000)}</body></html>`);
  // a real report page in GBK that says it is UTF-8, beside the page as published
  cpSync(PINGTAN, at('pingtan.html'));
  writeFileSync(at('gbk-labelled-utf8.html'), iconv.encode(readFileSync(PINGTAN, 'utf8'), 'gbk'));
  const text = readFileSync(JULU, 'utf8');
  writeFileSync(at('名字 有 空格 和中文 (1).txt'), text.replace('巨鹿县人民政府办公室', '巨鹿县人民政府'));
  cpSync(JULU, at('julu.txt'));
  cpSync(JULU, at('same-as-julu.txt'));
  writeFileSync(at('hostile.html'), hostilePage());
  const numbers = text.split('\n');
  // three number cells of the tables (tab-indented lines) as no report should print them
  const values = numbers.map((l, i) => [l, i] as const).filter(([l, i]) => /^\t\d+$/.test(l) && i > 100).map(([, i]) => i);
  numbers[values[0]] = '\t1e309';
  numbers[values[1]] = '\t-0';
  numbers[values[2]] = '\t９９９９９９９９９９９９';
  writeFileSync(at('numbers.txt'), numbers.join('\n'));
  mkdirSync(at('sub'));
  symlinkSync('..', at('sub/loop'));
});

describe('the bad-input corpus', () => {
  it('every input file is a row, with its reason; the good ones are read', async () => {
    const { files, problems } = listInputs([input]);
    const rows = await ingestRows([input]);
    expect(rows.reports).toHaveLength(files.length + problems.length);
    const by = (name: string) => rows.reports.find((r) => r.source_path.endsWith(`/${name}`));
    for (const [name, want] of Object.entries(FILES)) {
      const r = by(name);
      expect(r, name).toBeDefined();
      expect(r!.status, `${name}: ${r!.status_reason}`).toBe(want.status);
      if (want.reason) expect(r!.status_reason, name).toMatch(want.reason);
      // where a file fails, it says why in Chinese and in English
      if (r!.status === 'failed') expect(r!.status_reason, name).toMatch(/[\u4e00-\u9fff].*\/ [A-Za-z]/);
    }
    // the loop is reported, not followed
    const loop = rows.reports.find((r) => r.source_path.endsWith('sub/loop'))!;
    expect(loop.status_reason).toMatch(/symlink/);
    const julu = by('julu.txt')!;
    expect(julu.cell_count).toBe(200);
    const cellsOf = (name: string) => rows.cells.filter((c) => c.report_id === by(name)!.report_id).map((c) => [c.metric, c.applicant, c.state, c.value]);
    expect(cellsOf('gbk-labelled-utf8.html')).toEqual(cellsOf('pingtan.html'));
    // numbers as absurd as written: never a number that was not printed
    const numbers = rows.cells.filter((c) => c.report_id === by('numbers.txt')!.report_id);
    expect(numbers.find((c) => c.raw === '1e309')).toMatchObject({ state: 'unreadable', value: null });
    expect(numbers.find((c) => c.raw === '-0')).toMatchObject({ state: 'number', value: 0 });
    expect(numbers.find((c) => c.raw === '９９９９９９９９９９９９')).toMatchObject({ state: 'number', value: 999999999999 });
    // markup in a report is text like any other: kept as printed, never a number
    const hostile = by('hostile.html')!;
    expect(hostile.agency_name).toContain('<svg');
    expect(rows.cells.filter((c) => c.report_id === hostile.report_id && c.state === 'number').every((c) => Number.isFinite(c.value))).toBe(true);
  }, 240_000);

  it('a file past the time or memory limit fails alone and the batch goes on', async () => {
    const limited = join(dir, 'limited');
    mkdirSync(limited);
    cpSync(JULU, join(limited, 'a-good.txt'));
    // 200 pages of table-like lines: seconds of work for the PDF reader on any machine, far past 0.3 s
    const browser = await launchChromium();
    const page = '<div style="page-break-after: always">' + '<p>表三 1 2 3 4 5 6 7 8</p>'.repeat(40) + '</div>';
    writeFileSync(join(limited, 'b-slow.pdf'), await htmlToPdf(browser, `<meta charset="utf-8">${page.repeat(200)}`));
    await browser.close();
    // 40 MB of table-like text: more than a 64 MB heap holds once split into lines and cells
    writeFileSync(join(limited, 'c-big.txt'), '1 2 3 4 5 6 7 8 9 10\n'.repeat(2_000_000));
    cpSync(JULU, join(limited, 'd-good.txt'));
    const rows = await ingestRows([limited], { workers: 1, limits: { seconds: 0.3, heapMb: 64 } });
    const by = (name: string) => rows.reports.find((r) => r.source_path.endsWith(name))!;
    expect(rows.reports).toHaveLength(4);
    expect(by('a-good.txt').status).toBe('ok');
    expect(by('b-slow.pdf').status_reason).toMatch(/stopped after 0.3 s/);
    expect(by('c-big.txt').status_reason).toMatch(/stopped after|memory limit/);
    // their bytes went to the stopped worker: the format is still told, from the file
    expect(by('b-slow.pdf').source_format).toBe('pdf');
    expect(by('c-big.txt').source_format).toBe('text');
    expect(by('d-good.txt').status).toBe('failed'); // byte-identical to a-good.txt
    expect(by('d-good.txt').status_reason).toMatch(/byte-identical/);
  }, 120_000);
});
