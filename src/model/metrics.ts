/**
 * The metric catalogue: every cell a report can print, under the stable codes of
 * report-format.md §7. A code means the same concept in every template that lists it.
 */
export type Template = 'v2021' | 'v2019' | 'legacy';
export type TableCode = 'T2' | 'T3' | 'T4' | 'LEGACY';
export type Unit = 'count' | 'items' | 'wan_yuan' | 'yuan' | 'money_unspecified';
export type ValueType = 'int' | 'signed_int' | 'decimal';

export interface MetricDef {
  code: string;
  table: TableCode;
  /** Printed label; for table 二 and 四 "row·column" as the table prints them. */
  labelZh: string;
  labelEn: string;
  /** Label of the same cell in the v2019 template, where it differs. */
  labelV2019?: string;
  templates: readonly Template[];
  unit: Unit;
  valueType: ValueType;
  /** Table 三 rows carry one cell per applicant column. */
  byApplicant: boolean;
  /** Subtotals that are never printed as such (three: (三)(四)(五)). */
  derived?: boolean;
  /** Rows whose sum this row is (used by identities). */
  parts?: readonly string[];
  /** Table 二 block and column, table 四 block, for drawing tables as printed. */
  block?: string;
  row?: string;
  column?: string;
}

const BOTH: readonly Template[] = ['v2019', 'v2021'];
const V21: readonly Template[] = ['v2021'];
const V19: readonly Template[] = ['v2019'];

function t2(
  code: string, block: string, row: string, column: string, labelEn: string,
  templates: readonly Template[], unit: Unit = 'count', valueType: ValueType = 'int', labelV2019?: string,
): MetricDef {
  return { code, table: 'T2', labelZh: `${row}·${column}`, labelEn, labelV2019, templates, unit, valueType, byApplicant: false, block, row, column };
}

const B1 = '第二十条第（一）项';
const B5 = '第二十条第（五）项';
const B6 = '第二十条第（六）项';
const B8 = '第二十条第（八）项';
const B9 = '第二十条第（九）项';

export const T2_METRICS: readonly MetricDef[] = [
  t2('ad.rule.issued', B1, '规章', '本年制发件数', 'Rules issued this year', V21),
  t2('ad.rule.repealed', B1, '规章', '本年废止件数', 'Rules repealed this year', V21),
  t2('ad.rule.in_force', B1, '规章', '现行有效件数', 'Rules in force', V21),
  t2('ad.normdoc.issued', B1, '行政规范性文件', '本年制发件数', 'Normative documents issued this year', V21),
  t2('ad.normdoc.repealed', B1, '行政规范性文件', '本年废止件数', 'Normative documents repealed this year', V21),
  t2('ad.normdoc.in_force', B1, '行政规范性文件', '现行有效件数', 'Normative documents in force', V21),
  t2('ad.license.decisions', B5, '行政许可', '本年处理决定数量', 'Licensing decisions', BOTH, 'count', 'int', '行政许可·处理决定数量'),
  t2('ad.penalty.decisions', B6, '行政处罚', '本年处理决定数量', 'Penalty decisions', BOTH, 'count', 'int', '行政处罚·处理决定数量'),
  t2('ad.coercion.decisions', B6, '行政强制', '本年处理决定数量', 'Coercive-measure decisions', BOTH, 'count', 'int', '行政强制·处理决定数量'),
  t2('ad.fee.amount', B8, '行政事业性收费', '本年收费金额（单位：万元）', 'Administrative fees collected (10k yuan)', V21, 'wan_yuan', 'decimal'),
  t2('ad19.rule.made', B1, '规章', '本年新制作数量', 'Rules made this year (v2019)', V19),
  t2('ad19.rule.published', B1, '规章', '本年新公开数量', 'Rules published this year (v2019)', V19),
  t2('ad19.rule.total_published', B1, '规章', '对外公开总数量', 'Rules published in total (v2019)', V19),
  t2('ad19.normdoc.made', B1, '规范性文件', '本年新制作数量', 'Normative documents made this year (v2019)', V19),
  t2('ad19.normdoc.published', B1, '规范性文件', '本年新公开数量', 'Normative documents published this year (v2019)', V19),
  t2('ad19.normdoc.total_published', B1, '规范性文件', '对外公开总数量', 'Normative documents published in total (v2019)', V19),
  t2('ad19.license.prev_items', B5, '行政许可', '上一年项目数量', 'Licensing items, previous year (v2019)', V19, 'items'),
  t2('ad19.license.delta_items', B5, '行政许可', '本年增/减', 'Licensing items, change (v2019)', V19, 'items', 'signed_int'),
  t2('ad19.other_service.prev_items', B5, '其他对外管理服务事项', '上一年项目数量', 'Other services, items previous year (v2019)', V19, 'items'),
  t2('ad19.other_service.delta_items', B5, '其他对外管理服务事项', '本年增/减', 'Other services, change (v2019)', V19, 'items', 'signed_int'),
  t2('ad19.other_service.decisions', B5, '其他对外管理服务事项', '处理决定数量', 'Other services, decisions (v2019)', V19),
  t2('ad19.penalty.prev_items', B6, '行政处罚', '上一年项目数量', 'Penalty items, previous year (v2019)', V19, 'items'),
  t2('ad19.penalty.delta_items', B6, '行政处罚', '本年增/减', 'Penalty items, change (v2019)', V19, 'items', 'signed_int'),
  t2('ad19.coercion.prev_items', B6, '行政强制', '上一年项目数量', 'Coercion items, previous year (v2019)', V19, 'items'),
  t2('ad19.coercion.delta_items', B6, '行政强制', '本年增/减', 'Coercion items, change (v2019)', V19, 'items', 'signed_int'),
  t2('ad19.fee.prev_items', B8, '行政事业性收费', '上一年项目数量', 'Fee items, previous year (v2019)', V19, 'items'),
  t2('ad19.fee.delta_items', B8, '行政事业性收费', '本年增/减', 'Fee items, change (v2019)', V19, 'items', 'signed_int'),
  t2('ad19.procurement.projects', B9, '政府集中采购', '采购项目数量', 'Central procurement projects (v2019)', V19),
  t2('ad19.procurement.amount', B9, '政府集中采购', '采购总金额', 'Central procurement amount, unit as printed (v2019)', V19, 'money_unspecified', 'decimal'),
];

function t3(code: string, labelZh: string, labelEn: string, templates = BOTH, extra: Partial<MetricDef> = {}): MetricDef {
  return { code, table: 'T3', labelZh, labelEn, templates, unit: 'count', valueType: 'int', byApplicant: true, ...extra };
}

export const DENIED_PARTS = [
  'app.res.denied.state_secret', 'app.res.denied.law_prohibited', 'app.res.denied.security_stability',
  'app.res.denied.third_party', 'app.res.denied.internal_affairs', 'app.res.denied.process_info',
  'app.res.denied.enforcement_file', 'app.res.denied.admin_query',
] as const;
export const UNABLE_PARTS = ['app.res.unable.not_held', 'app.res.unable.need_creation', 'app.res.unable.unclear'] as const;
export const REJECTED_PARTS = [
  'app.res.rejected.petition', 'app.res.rejected.repeat', 'app.res.rejected.publication',
  'app.res.rejected.excessive', 'app.res.rejected.confirm_reissue',
] as const;
export const OTHER_PARTS = ['app.res.other.no_correction', 'app.res.other.unpaid_fee', 'app.res.other.other'] as const;

/** Table 三 rows in printed order (derived subtotals listed after, never printed). */
export const T3_METRICS: readonly MetricDef[] = [
  t3('app.new', '一、本年新收政府信息公开申请数量', 'New applications received'),
  t3('app.carried_in', '二、上年结转政府信息公开申请数量', 'Carried over from last year'),
  t3('app.res.granted', '（一）予以公开', 'Granted'),
  t3('app.res.partial', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'Partly granted'),
  t3('app.res.denied.state_secret', '（三）不予公开·1.属于国家秘密', 'Denied: state secret'),
  t3('app.res.denied.law_prohibited', '（三）不予公开·2.其他法律行政法规禁止公开', 'Denied: prohibited by other laws'),
  t3('app.res.denied.security_stability', '（三）不予公开·3.危及“三安全一稳定”', 'Denied: endangers security or stability'),
  t3('app.res.denied.third_party', '（三）不予公开·4.保护第三方合法权益', 'Denied: third-party rights'),
  t3('app.res.denied.internal_affairs', '（三）不予公开·5.属于三类内部事务信息', 'Denied: internal affairs'),
  t3('app.res.denied.process_info', '（三）不予公开·6.属于四类过程性信息', 'Denied: process information'),
  t3('app.res.denied.enforcement_file', '（三）不予公开·7.属于行政执法案卷', 'Denied: enforcement case file'),
  t3('app.res.denied.admin_query', '（三）不予公开·8.属于行政查询事项', 'Denied: administrative query'),
  t3('app.res.unable.not_held', '（四）无法提供·1.本机关不掌握相关政府信息', 'Unable: information not held'),
  t3('app.res.unable.need_creation', '（四）无法提供·2.没有现成信息需要另行制作', 'Unable: would need to be created'),
  t3('app.res.unable.unclear', '（四）无法提供·3.补正后申请内容仍不明确', 'Unable: request still unclear'),
  t3('app.res.rejected.petition', '（五）不予处理·1.信访举报投诉类申请', 'Not processed: petitions and complaints'),
  t3('app.res.rejected.repeat', '（五）不予处理·2.重复申请', 'Not processed: repeated request'),
  t3('app.res.rejected.publication', '（五）不予处理·3.要求提供公开出版物', 'Not processed: asks for publications'),
  t3('app.res.rejected.excessive', '（五）不予处理·4.无正当理由大量反复申请', 'Not processed: excessive requests'),
  t3('app.res.rejected.confirm_reissue', '（五）不予处理·5.要求行政机关确认或重新出具已获取信息', 'Not processed: confirm or reissue'),
  t3('app.res.other', '（六）其他处理', 'Other handling', BOTH, { parts: OTHER_PARTS }),
  t3('app.res.other.no_correction', '（六）其他处理·1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'Other: applicant did not supplement in time', V21),
  t3('app.res.other.unpaid_fee', '（六）其他处理·2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'Other: fee not paid', V21),
  t3('app.res.other.other', '（六）其他处理·3.其他', 'Other: other', V21),
  t3('app.res.total', '（七）总计', 'Total handled'),
  t3('app.carried_out', '四、结转下年度继续办理', 'Carried over to next year'),
  t3('app.res.denied', '（三）不予公开（小计）', 'Denied (subtotal)', BOTH, { derived: true, parts: DENIED_PARTS }),
  t3('app.res.unable', '（四）无法提供（小计）', 'Unable to provide (subtotal)', BOTH, { derived: true, parts: UNABLE_PARTS }),
  t3('app.res.rejected', '（五）不予处理（小计）', 'Not processed (subtotal)', BOTH, { derived: true, parts: REJECTED_PARTS }),
];

export const T4_BLOCKS = [
  { key: 'rev', labelZh: '行政复议', labelEn: 'Administrative review' },
  { key: 'lit_direct', labelZh: '行政诉讼·未经复议直接起诉', labelEn: 'Lawsuit without prior review' },
  { key: 'lit_after_rev', labelZh: '行政诉讼·复议后起诉', labelEn: 'Lawsuit after review' },
] as const;
export const T4_RESULTS = [
  { key: 'upheld', labelZh: '结果维持', labelEn: 'upheld' },
  { key: 'corrected', labelZh: '结果纠正', labelEn: 'corrected' },
  { key: 'other', labelZh: '其他结果', labelEn: 'other result' },
  { key: 'pending', labelZh: '尚未审结', labelEn: 'pending' },
  { key: 'total', labelZh: '总计', labelEn: 'total' },
] as const;

/** Table 四: 15 cells, blocks in printed order, results within each block in printed order. */
export const T4_METRICS: readonly MetricDef[] = T4_BLOCKS.flatMap((b) =>
  T4_RESULTS.map((r): MetricDef => ({
    code: `${b.key}.${r.key}`, table: 'T4', labelZh: `${b.labelZh}·${r.labelZh}`, labelEn: `${b.labelEn}: ${r.labelEn}`,
    templates: BOTH, unit: 'count', valueType: 'int', byApplicant: false, block: b.labelZh, column: r.labelZh,
    parts: r.key === 'total' ? ['upheld', 'corrected', 'other', 'pending'].map((k) => `${b.key}.${k}`) : undefined,
  })),
);

function legacy(code: string, labelZh: string, labelEn: string, unit: Unit = 'count'): MetricDef {
  return { code, table: 'LEGACY', labelZh, labelEn, templates: ['legacy'], unit, valueType: 'int', byApplicant: false };
}

/** Pre-2019 reports: a small common core, extracted only where the text states it unambiguously. */
export const LEGACY_METRICS: readonly MetricDef[] = [
  legacy('legacy.ad.items', '主动公开信息数', 'Items proactively disclosed'),
  legacy('legacy.app.received', '申请总数/受理数', 'Applications received'),
  legacy('legacy.app.replied', '答复总数', 'Applications answered'),
  legacy('legacy.app.granted', '同意公开', 'Granted'),
  legacy('legacy.app.partial', '同意部分公开', 'Partly granted'),
  legacy('legacy.app.denied', '不同意/否决公开', 'Denied'),
  legacy('legacy.rev.count', '行政复议数', 'Administrative reviews'),
  legacy('legacy.lit.count', '行政诉讼数', 'Lawsuits'),
];

export const METRICS: readonly MetricDef[] = [...T2_METRICS, ...T3_METRICS, ...T4_METRICS, ...LEGACY_METRICS];

const BY_CODE = new Map(METRICS.map((m) => [m.code, m]));

export function metric(code: string): MetricDef {
  const m = BY_CODE.get(code);
  if (!m) throw new Error(`unknown metric code: ${code}`);
  return m;
}

export function isMetricCode(code: string): boolean {
  return BY_CODE.has(code);
}

/** Printed T3 rows of a template (no derived subtotals; v2021 lists （六） by its three sub-rows). */
export function printedT3Rows(template: Template): readonly MetricDef[] {
  return T3_METRICS.filter((m) => !m.derived && m.templates.includes(template) && !(template === 'v2021' && m.code === 'app.res.other'));
}

/** How v2019 and v2021 measures relate (report-format.md §7.7): only `identical` ones form one series. */
export const CROSSWALK: readonly { v2019: string; v2021: string | null; relation: 'identical' | 'approximate' | 'no_equivalent'; note?: string }[] = [
  { v2019: 'ad.license.decisions', v2021: 'ad.license.decisions', relation: 'identical' },
  { v2019: 'ad.penalty.decisions', v2021: 'ad.penalty.decisions', relation: 'identical' },
  { v2019: 'ad.coercion.decisions', v2021: 'ad.coercion.decisions', relation: 'identical' },
  { v2019: 'ad19.rule.made', v2021: 'ad.rule.issued', relation: 'approximate' },
  { v2019: 'ad19.normdoc.made', v2021: 'ad.normdoc.issued', relation: 'approximate' },
  { v2019: 'ad19.rule.total_published', v2021: 'ad.rule.in_force', relation: 'no_equivalent', note: '对外公开总数量 (cumulative published) ≠ 现行有效件数 (in force)' },
  { v2019: 'ad19.normdoc.total_published', v2021: 'ad.normdoc.in_force', relation: 'no_equivalent', note: '对外公开总数量 ≠ 现行有效件数' },
  { v2019: 'ad19.fee.prev_items', v2021: 'ad.fee.amount', relation: 'no_equivalent', note: 'item counts are not money' },
  { v2019: 'app.res.other', v2021: 'app.res.other', relation: 'identical', note: 'v2021 = Σ three sub-rows' },
];
