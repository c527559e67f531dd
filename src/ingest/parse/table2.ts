/**
 * Table 二 (主动公开): blocks 第二十条第（一）（五）（六）（八）（九）项, each a header row of column
 * names and rows of items. The column names say which template printed the table, and together
 * with the row item they give the metric code.
 */
import { nfkc } from '../normalize.ts';
import { readCell } from './cell-value.ts';
import { unreadable, type ParsedCell } from './parsed-cell.ts';
import { splitRow, takeValues, type Row } from './rows.ts';

type Era = 'v2021' | 'v2019';
const COLUMNS: { re: RegExp; key: string; era: Era }[] = [
  { re: /本年制发件数|本年制发/, key: 'issued', era: 'v2021' },
  { re: /本年废止件数|本年废止/, key: 'repealed', era: 'v2021' },
  { re: /现行有效件数|现行有效/, key: 'in_force', era: 'v2021' },
  { re: /本年处理决定数量/, key: 'decisions', era: 'v2021' },
  { re: /本年收费金额/, key: 'amount', era: 'v2021' },
  { re: /本年新制作数量|本年新制作/, key: 'made', era: 'v2019' },
  { re: /本年新公开数量|本年新公开/, key: 'published', era: 'v2019' },
  { re: /对外公开总数量/, key: 'total_published', era: 'v2019' },
  { re: /上一年项目数量/, key: 'prev_items', era: 'v2019' },
  { re: /本年增\/?减/, key: 'delta_items', era: 'v2019' },
  { re: /^处理决定数量$/, key: 'decisions', era: 'v2019' },
  { re: /采购项目数量/, key: 'projects', era: 'v2019' },
  { re: /采购总金额/, key: 'amount', era: 'v2019' },
];

const ITEMS: { re: RegExp; key: string }[] = [
  { re: /^规章$/, key: 'rule' },
  { re: /规范性文件/, key: 'normdoc' },
  { re: /行政许可/, key: 'license' },
  { re: /其他对外管理服务事项/, key: 'other_service' },
  { re: /行政处罚/, key: 'penalty' },
  { re: /行政强制/, key: 'coercion' },
  { re: /行政事业性收费/, key: 'fee' },
  { re: /政府集中采购/, key: 'procurement' },
];

/** (item, column) → metric code; pairs not in the catalogue are not read. */
function metricFor(item: string, col: string): string | null {
  if ((item === 'rule' || item === 'normdoc') && ['issued', 'repealed', 'in_force'].includes(col)) return `ad.${item}.${col}`;
  if ((item === 'rule' || item === 'normdoc') && ['made', 'published', 'total_published'].includes(col)) return `ad19.${item}.${col}`;
  if (['license', 'penalty', 'coercion'].includes(item) && col === 'decisions') return `ad.${item}.decisions`;
  if (['license', 'penalty', 'coercion', 'other_service', 'fee'].includes(item) && ['prev_items', 'delta_items'].includes(col)) return `ad19.${item}.${col}`;
  if (item === 'other_service' && col === 'decisions') return 'ad19.other_service.decisions';
  if (item === 'fee' && col === 'amount') return 'ad.fee.amount';
  if (item === 'procurement' && (col === 'projects' || col === 'amount')) return `ad19.procurement.${col}`;
  return null;
}

export interface Table2 {
  cells: ParsedCell[];
  eras: Set<Era>;
  notes: string[];
}

export function parseTable2(rows: Row[]): Table2 {
  const cells: ParsedCell[] = [];
  const seen = new Set<string>();
  const eras = new Set<Era>();
  const notes: string[] = [];
  let columns: { key: string; era: Era }[] | null = null;
  for (const row of rows) {
    const { label, values, strayValues } = splitRow(row);
    if (/第二十条第/.test(label) && values.every((v) => v.text.trim() === '')) {
      columns = null;
      continue;
    }
    if (values.length === 0 || values.every((v) => v.text.trim() === '') && !ITEMS.some((i) => i.re.test(label))) {
      const found = row.own
        .map((c) => COLUMNS.find((k) => k.re.test(nfkc(c.text.replace(/\s+/g, '')))))
        .filter((k): k is (typeof COLUMNS)[number] => k !== undefined);
      if (found.length) {
        columns = found.map((k) => ({ key: k.key, era: k.era }));
        found.forEach((k) => eras.add(k.era));
      }
      continue;
    }
    const item = ITEMS.find((i) => i.re.test(label));
    if (!item) {
      if (label) notes.push(`表二有一行无法识别：「${label}」 / unrecognised row`);
      continue;
    }
    if (!columns) {
      notes.push(`表二「${label}」行之前没有可识别的表头 / no column header before this row`);
      continue;
    }
    const taken = strayValues ? null : takeValues(values, columns.length, row.grid);
    columns.forEach((col, i) => {
      const metric = metricFor(item.key, col.key);
      if (!metric || seen.has(metric)) return;
      seen.add(metric);
      const cell = taken ? taken[i] : values[i];
      if (!taken) {
        const reason = `此行有 ${values.length} 个数值单元格，表头有 ${columns!.length} 列 / row has ${values.length} value cells for ${columns!.length} columns`;
        cells.push(unreadable(metric, '', reason, cell?.text ?? '', cell?.loc ?? row.own[0]?.loc ?? ''));
      } else {
        cells.push({ metric, applicant: '', raw: cell.text, loc: cell.loc, reading: readCell(cell.text) });
      }
    });
  }
  return { cells, eras, notes };
}
