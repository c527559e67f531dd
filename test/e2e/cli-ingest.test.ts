/** The CLI end to end: real files in, Parquet out, read back with DuckDB. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { recoverInterrupted } from '../../scripts/lib/dataset-builder.ts';
import { processTree } from '../../scripts/lib/tree-memory.ts';
import { query } from '../helpers/duckdb.ts';

const TSX = join('node_modules', '.bin', 'tsx');
function ingest(...args: string[]) {
  return spawnSync(TSX, ['scripts/ingest.ts', ...args], { encoding: 'utf8' });
}

const dir = mkdtempSync(join(tmpdir(), 'xxgk-cli-'));
const out = join(dir, 'dataset');
let input: string;

beforeAll(() => {
  input = join(dir, 'in');
  mkdirSync(join(input, 'nested'), { recursive: true });
  cpSync('data/samples', input, { recursive: true });
  cpSync('test/fixtures/quirks/numbers-as-written.html', join(input, 'nested', 'numbers.html'));
  cpSync('data/samples/julu-county-office-2024.txt', join(input, 'nested', 'copy of julu 巨鹿.txt'));
  writeFileSync(join(input, 'nested', 'old.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
  writeFileSync(join(input, 'nested', 'notes.xyz'), 'just some words, no report here');
});

// the six sample reports (SOURCES.tsv is the sources table, not an input) and four nested files
const FILES = 10;

describe('npm run ingest', () => {
  it('writes every input file as a row, and reads back with DuckDB', async () => {
    const r = ingest('--out', out, '--sources', join(input, 'SOURCES.tsv'), input);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/ok \d+ · partial \d+ · failed \d+/);
    expect(r.stdout).toContain('T3_ROW_TOTAL');
    expect(readdirSync(out).sort()).toEqual(['agencies.parquet', 'cells.parquet', 'findings.parquet', 'manifest.json', 'reports.parquet', 'site', 'site.json', 'summary.json']);
    const p = (t: string) => `'${join(out, `${t}.parquet`)}'`;
    const reports = await query(`SELECT * FROM ${p('reports')}`);
    expect(reports).toHaveLength(FILES);
    expect(reports.map((x) => x.source_path)).toEqual([...reports.map((x) => x.source_path)].sort());
    const byName = (s: string) => reports.find((x) => String(x.source_path).endsWith(s))!;
    expect(byName('julu-county-office-2024.txt')).toMatchObject({ status: 'ok', region_code: '130529', year: 2024, template: 'v2021', cell_count: 200 });
    expect(byName('copy of julu 巨鹿.txt')).toMatchObject({ status: 'failed' });
    expect(String(byName('copy of julu 巨鹿.txt').status_reason)).toContain('julu-county-office-2024.txt');
    expect(byName('old.doc')).toMatchObject({ status: 'failed', source_format: 'doc' });
    expect(byName('notes.xyz')).toMatchObject({ status: 'failed' });
    expect(byName('2024_huaian-city-government.pdf')).toMatchObject({ status: 'ok', source_format: 'pdf', region_code: '320800' });
    const types = await query(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM ${p('cells')})`);
    expect(Object.fromEntries(types.map((t) => [t.column_name, t.column_type]))).toEqual({
      report_id: 'VARCHAR', metric: 'VARCHAR', applicant: 'VARCHAR', value: 'DOUBLE', state: 'VARCHAR', raw: 'VARCHAR', locator: 'VARCHAR', reason: 'VARCHAR',
    });
    const seed = await query(`SELECT c.metric, c.applicant, c.value, c.state FROM ${p('cells')} c JOIN ${p('reports')} r USING (report_id)
      WHERE r.source_path LIKE '%julu-county-office-2024.txt' AND c.metric = 'app.new' ORDER BY c.applicant`);
    expect(seed.find((x) => x.applicant === 'natural')).toMatchObject({ value: 11, state: 'number' });
    const sh = await query(`SELECT f.rule, count(*)::INTEGER AS n FROM ${p('findings')} f JOIN ${p('reports')} r USING (report_id)
      WHERE r.agency_name = '上海市人民政府办公厅' AND f.result = 'fail' AND f.severity = 'error' GROUP BY 1 ORDER BY 1`);
    expect(sh).toEqual([{ rule: 'T3_OUTCOME_SUM', n: 1 }, { rule: 'T3_ROW_TOTAL', n: 11 }]);
    const metricsType = await query(`SELECT typeof(metrics) AS t FROM ${p('findings')} LIMIT 1`);
    expect(metricsType[0].t).toBe('VARCHAR[]');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.row_counts.reports).toBe(FILES);
  });

  it('the same inputs give the same rows', () => {
    const first = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).rows_digest;
    const again = join(dir, 'again');
    expect(ingest('--out', again, '--sources', join(input, 'SOURCES.tsv'), input).status).toBe(0);
    expect(JSON.parse(readFileSync(join(again, 'manifest.json'), 'utf8')).rows_digest).toBe(first);
  });

  it('--strict fails the run when a file failed; usage errors exit 64', () => {
    expect(ingest('--strict', '--quiet', '--out', join(dir, 'strict'), input).status).toBe(2);
    expect(ingest('--out', join(dir, 'x')).status).toBe(64);
    expect(ingest('--region', 'abc', '--out', join(dir, 'x'), input).status).toBe(64);
  });

  it('--region resolves an ambiguous agency name', async () => {
    const f = join(dir, 'chaoyang');
    mkdirSync(f);
    const seed = readFileSync('data/samples/julu-county-office-2024.txt', 'utf8').replace('巨鹿县人民政府办公室', '朝阳区人民政府');
    writeFileSync(join(f, 'chaoyang.txt'), seed);
    expect(ingest('--quiet', '--out', join(dir, 'cy1'), f).status).toBe(0);
    expect((await query(`SELECT region_code FROM '${join(dir, 'cy1', 'reports.parquet')}'`))[0].region_code).toBeNull();
    expect((await query(`SELECT rule FROM '${join(dir, 'cy1', 'findings.parquet')}' WHERE rule LIKE 'REGION%'`))[0].rule).toBe('REGION_AMBIGUOUS');
    expect(ingest('--quiet', '--region', '110105', '--out', join(dir, 'cy2'), f).status).toBe(0);
    expect((await query(`SELECT region_code, province, county FROM '${join(dir, 'cy2', 'reports.parquet')}'`))[0]).toEqual({ region_code: '110105', province: '北京市', county: '朝阳区' });
  });

  it('a dataset set aside by an interrupted swap is put back', () => {
    const ds = join(dir, 'swap');
    cpSync(out, ds, { recursive: true });
    renameSync(ds, `${ds}.old-123-456`);
    recoverInterrupted(ds);
    expect(existsSync(join(ds, 'reports.parquet'))).toBe(true);
  });
});

describe('incremental and resumable', () => {
  it('a re-run adds only new files and gives the rows a fresh run gives', async () => {
    const { ingestToDataset } = await import('../../scripts/lib/ingest-batch.ts');
    const src = join(dir, 'grow');
    mkdirSync(src);
    cpSync('data/samples/julu-county-office-2024.txt', join(src, 'a.txt'));
    cpSync('data/samples/2022_pingtan-comprehensive-zone.html', join(src, 'b.html'));
    const inc = join(dir, 'inc');
    expect((await ingestToDataset([src], inc)).skipped).toBe(0);
    cpSync('data/samples/2019_shanghai-municipal-government-office.html', join(src, 'c.html'));
    cpSync('data/samples/julu-county-office-2024.txt', join(src, 'd copy.txt'));
    const second = await ingestToDataset([src], inc);
    expect(second.skipped).toBe(2);
    expect(second.manifest.row_counts.reports).toBe(4);
    const fresh = await ingestToDataset([src], join(dir, 'inc-fresh'));
    expect(second.manifest.rows_digest).toBe(fresh.manifest.rows_digest);
  });

  it('runs killed at random moments leave the previous dataset intact, and the next run completes it', async () => {
    const corpus = join(dir, 'many');
    mkdirSync(corpus);
    const seed = readFileSync('data/samples/julu-county-office-2024.txt', 'utf8');
    for (let i = 0; i < 1500; i++) writeFileSync(join(corpus, `r${String(i).padStart(4, '0')}.txt`), `${seed}\n（副本 ${i}）\n`);
    const target = join(dir, 'killed');
    cpSync(out, target, { recursive: true });
    const before = readFileSync(join(target, 'manifest.json'), 'utf8');
    const { spawn } = await import('node:child_process');
    // moments drawn from a fixed seed: before the work database exists, while batches are
    // written, while the Parquet files are written
    let x = 20261128;
    const moments = Array.from({ length: 5 }, () => ((x = (x * 1103515245 + 12345) >>> 0) % 6000) + 100);
    for (const ms of moments) {
      // node itself (not the tsx wrapper), so that the kill reaches the process doing the work
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', '--quiet', '--sources', join(input, 'SOURCES.tsv'), '--out', target, input, corpus], { stdio: 'ignore' });
      // listened for first: a run may finish before its moment comes
      const exited = new Promise((r) => child.once('exit', r));
      await new Promise((r) => setTimeout(r, ms));
      child.kill('SIGKILL');
      await exited;
      // the dataset is the one before the runs, or (killed after the swap) the completed one
      const now = readFileSync(join(target, 'manifest.json'), 'utf8');
      const n = (await query(`SELECT count(*)::INTEGER AS n FROM '${join(target, 'reports.parquet')}'`))[0].n;
      if (now === before) expect(n, `killed after ${ms} ms`).toBe(FILES);
      else expect(n, `killed after ${ms} ms`).toBe(FILES + 1500);
    }
    const rerun = ingest('--quiet', '--sources', join(input, 'SOURCES.tsv'), '--out', target, input, corpus);
    expect(rerun.stderr).toBe('');
    expect(rerun.status).toBe(0);
    const after = JSON.parse(readFileSync(join(target, 'manifest.json'), 'utf8'));
    expect(after.row_counts.reports).toBe(FILES + 1500);
    expect(existsSync(`${target}.work`)).toBe(false);
    // the same rows as one uninterrupted run over the same inputs
    const fresh = join(dir, 'uninterrupted');
    expect(ingest('--quiet', '--sources', join(input, 'SOURCES.tsv'), '--out', fresh, input, corpus).status).toBe(0);
    expect(after.rows_digest).toBe(JSON.parse(readFileSync(join(fresh, 'manifest.json'), 'utf8')).rows_digest);
  }, 240_000);
});

describe('worker threads', () => {
  it('give the same rows as one thread', async () => {
    const { ingestToDataset } = await import('../../scripts/lib/ingest-batch.ts');
    const a = await ingestToDataset(['data/samples'], join(dir, 'threads-0'), { workers: 0 });
    const b = await ingestToDataset(['data/samples'], join(dir, 'threads-2'), { workers: 2, window: 3 });
    expect(b.manifest.row_counts.reports).toBe(7);
    expect(b.manifest.rows_digest).toBe(a.manifest.rows_digest);
  });

  it('find repeated files across windows still being written: one report per content, the others name it', async () => {
    const { ingestToDataset } = await import('../../scripts/lib/ingest-batch.ts');
    const input = join(dir, 'repeats');
    mkdirSync(input);
    // a window of one file: a file's copy comes while the window of the original may not be committed yet
    const julu = readFileSync('data/samples/julu-county-office-2024.txt');
    const pingtan = readFileSync('data/samples/2022_pingtan-comprehensive-zone.html');
    for (const [name, bytes] of [['a.txt', julu], ['b.txt', julu], ['c.html', pingtan], ['d.txt', julu], ['e.html', pingtan], ['f.txt', julu]] as const) writeFileSync(join(input, name), bytes);
    const one = await ingestToDataset([input], join(dir, 'repeats-1'), { workers: 2, window: 1 });
    const whole = await ingestToDataset([input], join(dir, 'repeats-all'), { workers: 0 });
    expect(one.manifest.rows_digest).toBe(whole.manifest.rows_digest);
    const rows = await query(`SELECT source_path, status, status_reason FROM '${join(dir, 'repeats-1', 'reports.parquet')}' ORDER BY source_path`);
    expect(rows.map((r) => r.status)).toEqual(['ok', 'failed', 'ok', 'failed', 'failed', 'failed']);
    for (const r of rows.filter((x) => x.status === 'failed')) expect(r.status_reason).toMatch(new RegExp(`byte-identical to .*${String(r.source_path).endsWith('.html') ? 'c\\.html' : 'a\\.txt'}$`));
    // one window of more files than are read at a time: copies in a later chunk name the first of the window
    const chunks = join(dir, 'repeats-chunks');
    mkdirSync(chunks);
    for (let i = 0; i < 150; i++) writeFileSync(join(chunks, `r${String(i).padStart(3, '0')}.${i % 2 ? 'html' : 'txt'}`), i % 2 ? pingtan : julu);
    await ingestToDataset([chunks], join(dir, 'repeats-chunks-ds'), { workers: 2 });
    const many = await query(`SELECT source_path, status, status_reason FROM '${join(dir, 'repeats-chunks-ds', 'reports.parquet')}' ORDER BY source_path`);
    expect(many.filter((r) => r.status === 'ok').map((r) => String(r.source_path).split('/').pop())).toEqual(['r000.txt', 'r001.html']);
    for (const r of many.filter((x) => x.status === 'failed')) expect(r.status_reason).toMatch(String(r.source_path).endsWith('.html') ? /byte-identical to .*r001\.html$/ : /byte-identical to .*r000\.txt$/);
    expect(many).toHaveLength(150);
  });

  it('take each file\'s source from the sources table, however many windows are looked up at once', async () => {
    const { ingestToDataset } = await import('../../scripts/lib/ingest-batch.ts');
    const input = join(dir, 'many-windows');
    mkdirSync(input);
    const julu = readFileSync('data/samples/julu-county-office-2024.txt');
    // 40 files in windows of one: the sources of a few windows are looked up together, then the next few
    const names = Array.from({ length: 40 }, (_, i) => `r${String(i).padStart(2, '0')}.txt`);
    names.forEach((n, i) => writeFileSync(join(input, n), Buffer.concat([julu, Buffer.from(`\n（副本 ${i}）\n`)])));
    writeFileSync(join(input, 'SOURCES.tsv'), `path\turl\n${names.filter((_, i) => i % 7).map((n) => `${n}\thttps://example.gov.cn/${n}`).join('\n')}\n`);
    await ingestToDataset([input], join(dir, 'many-windows-ds'), { workers: 0, window: 1, sourcesFile: join(input, 'SOURCES.tsv'), exclude: [join(input, 'SOURCES.tsv')] });
    const rows = await query(`SELECT source_path, source_url FROM '${join(dir, 'many-windows-ds', 'reports.parquet')}' ORDER BY source_path`);
    expect(rows.map((r) => [String(r.source_path).split('/').pop(), r.source_url])).toEqual(names.map((n, i) => [n, i % 7 ? `https://example.gov.cn/${n}` : null]));
  });
});

describe('reading rounds', () => {
  let input: string;
  let sources: string;
  beforeAll(() => {
    input = join(dir, 'rounds');
    cpSync('data/samples', join(input, 'b'), { recursive: true });
    // the samples' own SOURCES.tsv is read as one more file here; this table gives some files a URL
    sources = join(dir, 'rounds-sources.tsv');
    const named = readdirSync(join(input, 'b')).filter((n) => n !== 'SOURCES.tsv');
    writeFileSync(sources, `path\turl\n${named.map((n) => `rounds/b/${n}\thttps://example.gov.cn/${n}`).join('\n')}\n`);
    mkdirSync(join(input, 'a'));
    // a repeat whose original is read in another round, and a file that is no report
    cpSync('data/samples/julu-county-office-2024.txt', join(input, 'a', 'julu copy.txt'));
    writeFileSync(join(input, 'c.xyz'), 'no report here');
    // a link to a folder read in an earlier round: said, not read again
    symlinkSync(join(input, 'b'), join(input, 'z-link'));
  });

  it('in processes of their own give the same rows as one process, every file accounted for', async () => {
    const { ingestToDataset } = await import('../../scripts/lib/ingest-batch.ts');
    const one = await ingestToDataset([input], join(dir, 'rounds-0'), { roundFiles: 0, sourcesFile: sources });
    const done: number[] = [];
    const three = await ingestToDataset([input], join(dir, 'rounds-3'), { roundFiles: 3, sourcesFile: sources, onFile: (n) => done.push(n) });
    expect(one.rounds).toBe(0);
    // nine files, three a round: the third looks one file further, meets the link (a walk
    // problem, the tenth row) and finds the walk through, so no fourth round is started
    expect(three.rounds).toBe(3);
    expect(three.files).toBe(10);
    expect(three.manifest.row_counts.reports).toBe(10);
    expect(three.manifest.rows_digest).toBe(one.manifest.rows_digest);
    expect(Math.max(...done)).toBe(9);
    const urls = await query(`SELECT count(source_url)::INTEGER AS n FROM '${join(dir, 'rounds-3', 'reports.parquet')}'`);
    expect(urls[0].n).toBe(6);
    // the rounds' processes are in the peak: more than this process alone has held
    expect(three.peakRss).toBeGreaterThan(process.resourceUsage().maxRSS * 1024);
  }, 120_000);

  it('fail the run with the reason when a round cannot run', async () => {
    const { ingestToDataset } = await import('../../scripts/lib/ingest-batch.ts');
    writeFileSync(join(dir, 'not-a-folder'), '');
    await expect(ingestToDataset([input], join(dir, 'not-a-folder', 'ds'), { roundFiles: 3 })).rejects.toThrow(/ENOTDIR/);
  }, 60_000);

  it('stop when the run that started them is killed, and the next run completes the dataset', async () => {
    const corpus = join(dir, 'rounds-many');
    mkdirSync(corpus);
    const seed = readFileSync('data/samples/julu-county-office-2024.txt', 'utf8');
    for (let i = 0; i < 3000; i++) writeFileSync(join(corpus, `r${String(i).padStart(4, '0')}.txt`), `${seed}\n（副本 ${i}）\n`);
    // a round long enough (seconds) that one left running would still be reading when looked for
    const env = { ...process.env, XXGK_ROUND_FILES: '2000' };
    const target = join(dir, 'rounds-killed');
    const { spawn } = await import('node:child_process');
    // through the API without progress, so that no message to the killed run ends the round by chance
    const script = `import('./scripts/lib/ingest-batch.ts').then((m) => m.ingestToDataset([${JSON.stringify(corpus)}], ${JSON.stringify(target)}))`;
    const run = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: 'ignore', env });
    const exited = new Promise((r) => run.once('exit', r));
    // the reading process the run started
    const childOf = (pid: number) => processTree(pid).find((p) => {
      try {
        return p !== pid && readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('ingest-round-child');
      } catch {
        return false;
      }
    });
    let round: number | undefined;
    for (let t = 0; !round && t < 600; t++) {
      await new Promise((r) => setTimeout(r, 50));
      round = childOf(run.pid!);
    }
    expect(round, 'a round started').toBeDefined();
    // killed while that round reads
    await new Promise((r) => setTimeout(r, 300));
    run.kill('SIGKILL');
    await exited;
    let gone = false;
    for (let t = 0; !gone && t < 20; t++) {
      await new Promise((r) => setTimeout(r, 50));
      gone = !existsSync(`/proc/${round}`) || readFileSync(`/proc/${round}/stat`, 'utf8').replace(/^.*\) /, '').startsWith('Z');
    }
    expect(gone, 'the round stopped with its run').toBe(true);
    const rerun = spawnSync(TSX, ['scripts/ingest.ts', '--quiet', '--out', target, corpus], { encoding: 'utf8', env });
    expect(rerun.status, rerun.stderr).toBe(0);
    const after = JSON.parse(readFileSync(join(target, 'manifest.json'), 'utf8'));
    expect(after.row_counts.reports).toBe(3000);
    expect(existsSync(`${target}.work`)).toBe(false);
    const fresh = join(dir, 'rounds-uninterrupted');
    expect(ingest('--quiet', '--out', fresh, corpus).status).toBe(0);
    expect(after.rows_digest).toBe(JSON.parse(readFileSync(join(fresh, 'manifest.json'), 'utf8')).rows_digest);
  }, 180_000);
});
