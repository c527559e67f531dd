/**
 * Table 四: one data row of 15 cells under a fixed header (复议 5, 直接起诉 5, 复议后起诉 5).
 * The values may be split over consecutive rows (as PDFs print them); they are used only when
 * exactly 15 are found and the header prints the five results in the national order.
 */
import { T4_METRICS } from '../../model/metrics.ts';
import { readCell } from './cell-value.ts';
import { unreadable, type ParsedCell } from './parsed-cell.ts';
import { splitRow, type Row } from './rows.ts';

const RESULT_SEQUENCE = '结果维持结果纠正其他结果尚未审结总计';

export function parseTable4(rows: Row[]): { cells: ParsedCell[]; notes: string[] } {
  let header = '';
  const valueRows: { cells: Row['own']; blank: boolean }[] = [];
  for (const row of rows) {
    const { values, label } = splitRow(row);
    const allBlank = values.every((c) => c.text.trim() === '');
    if (values.length === 0 || (label && allBlank)) {
      header += label;
      continue;
    }
    valueRows.push({ cells: values, blank: values.every((c) => c.text.trim() === '') });
  }
  const withNumbers = valueRows.filter((r) => !r.blank);
  const used = withNumbers.length ? withNumbers : valueRows;
  const values = used.flatMap((r) => r.cells);
  const codes = T4_METRICS.map((m) => m.code);
  const direct = header.indexOf('直接起诉');
  const afterReview = header.indexOf('复议后起诉');
  const blocksInOrder = direct < 0 || afterReview < 0 || direct < afterReview;
  if (!header.includes(RESULT_SEQUENCE) || !/行政复议/.test(header) || !blocksInOrder) {
    const reason = '表四表头与全国格式不符，无法确定各列 / table 四 header not recognised';
    return { cells: codes.map((m, i) => unreadable(m, '', reason, values[i]?.text ?? '', values[i]?.loc ?? '')), notes: [] };
  }
  if (values.length !== codes.length) {
    const reason = `表四找到 ${values.length} 个数值单元格，应为 15 个 / found ${values.length} value cells, expected 15`;
    return { cells: codes.map((m, i) => unreadable(m, '', reason, values[i]?.text ?? '', values[i]?.loc ?? '')), notes: [] };
  }
  return { cells: values.map((c, i) => ({ metric: codes[i], applicant: '', raw: c.text, loc: c.loc, reading: readCell(c.text) })), notes: [] };
}
