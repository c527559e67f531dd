/**
 * Accounting identities of report-format.md §2, as data. The validator evaluates them; the
 * dashboard and the docs print them.
 */
import { DENIED_PARTS, REJECTED_PARTS, UNABLE_PARTS, T3_METRICS } from './metrics.ts';

export type Severity = 'error' | 'warning' | 'info';

export interface Identity {
  rule: string;
  severity: Severity;
  /**
   * column: per applicant column, sum(lhs) = sum(rhs) in that column;
   * row_total: for each row in `rows`, 总计 = sum of the six applicant columns;
   * scalar: sum(lhs) = sum(rhs) over cells without applicant.
   */
  kind: 'column' | 'row_total' | 'scalar';
  lhs: readonly string[];
  rhs: readonly string[];
  rows?: readonly string[];
  descriptionZh: string;
}

const OUTCOME_ROWS = ['app.res.granted', 'app.res.partial', ...DENIED_PARTS, ...UNABLE_PARTS, ...REJECTED_PARTS, 'app.res.other'];

export const IDENTITIES: readonly Identity[] = [
  {
    rule: 'T3_BALANCE', severity: 'error', kind: 'column',
    lhs: ['app.new', 'app.carried_in'], rhs: ['app.res.total', 'app.carried_out'],
    descriptionZh: '表三每列：一、本年新收 + 二、上年结转 = 三（七）总计 + 四、结转下年度（表中注明的勾稽关系）',
  },
  {
    rule: 'T3_OUTCOME_SUM', severity: 'error', kind: 'column',
    lhs: ['app.res.total'], rhs: OUTCOME_ROWS,
    descriptionZh: '表三每列：（七）总计 = （一）至（六）各项办理结果之和（（六）在 2021 版为其 3 个子项之和）',
  },
  {
    rule: 'T3_OTHER_SUBSUM', severity: 'error', kind: 'column',
    lhs: ['app.res.other'], rhs: ['app.res.other.no_correction', 'app.res.other.unpaid_fee', 'app.res.other.other'],
    descriptionZh: '表三每列（2021 版，且（六）小计与子项均有印出时）：（六）其他处理 = 3 个子项之和',
  },
  {
    rule: 'T3_ROW_TOTAL', severity: 'error', kind: 'row_total', lhs: [], rhs: [],
    rows: T3_METRICS.filter((m) => !m.derived).map((m) => m.code),
    descriptionZh: '表三每行：总计列 = 自然人 + 5 类法人或其他组织之和',
  },
  ...(['rev', 'lit_direct', 'lit_after_rev'] as const).map((b): Identity => ({
    rule: { rev: 'T4_SUM_REVIEW', lit_direct: 'T4_SUM_LIT_DIRECT', lit_after_rev: 'T4_SUM_LIT_AFTER' }[b],
    severity: 'error', kind: 'scalar',
    lhs: [`${b}.total`], rhs: [`${b}.upheld`, `${b}.corrected`, `${b}.other`, `${b}.pending`],
    descriptionZh: `表四${{ rev: '行政复议', lit_direct: '行政诉讼（未经复议直接起诉）', lit_after_rev: '行政诉讼（复议后起诉）' }[b]}：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结`,
  })),
];
