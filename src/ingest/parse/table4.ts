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

const count = (s: string, w: string) => s.split(w).length - 1;

/**
 * The national header: 行政复议 then 行政诉讼 (直接起诉 before 复议后起诉), five results per block.
 * Read row by row the results appear in order; in PDFs whose header words are broken over lines
 * (「结果」/「维持」, 「尚未审」/「结」) reading order is lost, so there the word that names each
 * result (维持 纠正 其他 审结 总计) must appear once per block, counted by its distinctive character.
 */
function headerRecognised(header: string): boolean {
  const direct = header.indexOf('直接起诉');
  const afterReview = header.indexOf('复议后起诉');
  if (!/行政复议/.test(header) || (direct >= 0 && afterReview >= 0 && direct > afterReview)) return false;
  if (header.includes(RESULT_SEQUENCE)) return true;
  return ['维', '纠', '他', '审', '总'].every((ch) => count(header, ch) === 3);
}

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
  if (!headerRecognised(header)) {
    const reason = '表四表头与全国格式不符，无法确定各列 / table 四 header not recognised';
    return { cells: codes.map((m, i) => unreadable(m, '', reason, values[i]?.text ?? '', values[i]?.loc ?? '')), notes: [] };
  }
  if (values.length !== codes.length) {
    const reason = `表四找到 ${values.length} 个数值单元格，应为 15 个 / found ${values.length} value cells, expected 15`;
    return { cells: codes.map((m, i) => unreadable(m, '', reason, values[i]?.text ?? '', values[i]?.loc ?? '')), notes: [] };
  }
  return { cells: values.map((c, i) => ({ metric: codes[i], applicant: '', raw: c.text, loc: c.loc, reading: readCell(c.text) })), notes: [] };
}
