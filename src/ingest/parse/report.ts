/**
 * Doc → ReportDraft: title, year, template and every cell of tables 二, 三 and 四. Rows a
 * template prints but the report does not are recorded as unreadable with the reason, so the
 * number of cells of a report is fixed by its template.
 */
import { APPLICANT_CODES } from '../../model/applicants.ts';
import { T2_METRICS, T4_METRICS, metric as metricDef, printedT3Rows, type Template } from '../../model/metrics.ts';
import type { Doc } from '../doc.ts';
import { unreadable, type ParsedCell } from './parsed-cell.ts';
import { docRows, type Row } from './rows.ts';
import { findLayout, type SectionKey } from './sections.ts';
import { parseTable2 } from './table2.ts';
import { parseTable3 } from './table3.ts';
import { parseTable4 } from './table4.ts';
import { detectTemplate, type DetectedTemplate } from './template.ts';
import { parseLegacy } from './legacy.ts';
import { findTitle, type TitleInfo } from './title.ts';

export interface ReportDraft extends TitleInfo {
  year: number | null;
  template: DetectedTemplate;
  templateMixed: boolean;
  /** v2021 tables whose （六） is one row (洪泽区 2023). */
  otherAsOneRow: boolean;
  cells: ParsedCell[];
  headings: Set<SectionKey>;
  tables: { t2: boolean; t3: boolean; t4: boolean };
  notes: string[];
}

const NOT_FOUND = '报告表格中未找到此行 / row not found in the table';

const COUNT_UNITS = new Set(['件', '个', '条', '项', '次', '人次', '宗', '份', '家', '人']);

/** A unit printed in a cell must be the unit of its column; otherwise the number is not used. */
function checkUnit(c: ParsedCell): ParsedCell {
  if (c.reading.state !== 'number' || c.reading.unit === null) return c;
  const { unit } = metricDef(c.metric);
  const u = c.reading.unit;
  const ok = unit === 'money_unspecified' ? /元$/.test(u) : unit === 'wan_yuan' ? u === '万元' : COUNT_UNITS.has(u);
  return ok ? c : unreadable(c.metric, c.applicant, `单元格单位「${u}」与该栏单位不符 / unit in the cell does not match the column`, c.raw, c.loc);
}

/** The cells a template prints, by table: the same few lists for every report, so made once each. */
const EXPECTED = new Map<string, { t2: string[]; t3: string[]; t4: string[] }>();
function expectedCells(template: Template, otherAsOneRow: boolean): { t2: string[]; t3: string[]; t4: string[] } {
  const key = `${template}|${otherAsOneRow}`;
  const known = EXPECTED.get(key);
  if (known) return known;
  let t3 = printedT3Rows(template).map((m) => m.code);
  if (otherAsOneRow) t3 = t3.filter((c) => !c.startsWith('app.res.other.')).toSpliced(t3.indexOf('app.res.other.no_correction'), 0, 'app.res.other');
  const expected = {
    t2: T2_METRICS.filter((m) => m.templates.includes(template)).map((m) => m.code),
    t3,
    t4: T4_METRICS.map((m) => m.code),
  };
  EXPECTED.set(key, expected);
  return expected;
}

export function parseReport(doc: Doc): ReportDraft {
  const rows = docRows(doc);
  const layout = findLayout(rows);
  const slice = (r?: [number, number]): Row[] => (r ? rows.slice(r[0], r[1]) : []);
  const t2 = parseTable2(slice(layout.t2));
  const t3 = parseTable3(slice(layout.t3));
  const t4Rows = slice(layout.t4);
  const t4 = t4Rows.length ? parseTable4(t4Rows) : { cells: [], notes: [] };
  const title = findTitle(rows, doc.metaTitle);
  const year = title.periodYear ?? title.titleYear;
  const tables = { t2: t2.cells.length > 0, t3: t3.rows.length > 0, t4: t4Rows.some((r) => !r.para) && t4.cells.length > 0 };
  const otherSubrows = t3.rows.some((m) => m.startsWith('app.res.other.'));
  const otherLeaf = t3.rows.includes('app.res.other');
  const { template, mixed } = detectTemplate({
    t2Eras: t2.eras, t3OtherSubrows: otherSubrows, t3OtherLeaf: otherLeaf, hasTables: tables.t2 || tables.t3 || tables.t4, year,
  });
  const otherAsOneRow = template === 'v2021' && otherLeaf && !otherSubrows;
  let cells = [...t2.cells, ...t3.cells, ...t4.cells].map(checkUnit);
  if (template === 'v2021' || template === 'v2019') {
    const expected = expectedCells(template, otherAsOneRow);
    // by metric, then applicant: a key string made for each of some 200 cells cost a tenth of the parsing
    const have = new Map<string, Set<string>>();
    for (const c of cells) {
      const applicants = have.get(c.metric);
      if (applicants) applicants.add(c.applicant);
      else have.set(c.metric, new Set([c.applicant]));
    }
    const has = (m: string, a: string) => have.get(m)?.has(a) === true;
    const missing: ParsedCell[] = [];
    if (tables.t2) for (const m of expected.t2) if (!has(m, '')) missing.push(unreadable(m, '', NOT_FOUND));
    if (tables.t3) for (const m of expected.t3) for (const a of APPLICANT_CODES) if (!has(m, a)) missing.push(unreadable(m, a, NOT_FOUND));
    cells = [...cells, ...missing];
  }
  const notes = [...t2.notes, ...t3.notes, ...t4.notes];
  if (template === 'legacy') {
    const legacy = parseLegacy(rows);
    cells = legacy.cells;
    notes.push(...legacy.notes);
  }
  const headings = new Set(Object.keys(layout.headings) as SectionKey[]);
  return {
    ...title, year, template, templateMixed: mixed, otherAsOneRow, cells, headings, tables, notes,
  };
}
