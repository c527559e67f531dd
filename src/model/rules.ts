import type { Severity } from './identities.ts';

/** Every rule a finding can carry, with its severity and a Chinese description. */
export const RULES: Record<string, { severity: Severity; descriptionZh: string; descriptionEn: string }> = {
  T3_BALANCE: { severity: 'error', descriptionZh: '表三勾稽关系：一 + 二 = 三（七）+ 四', descriptionEn: 'Table 3 balance: new + carried in = handled + carried out' },
  T3_OUTCOME_SUM: { severity: 'error', descriptionZh: '表三办理结果之和等于（七）总计', descriptionEn: 'Table 3 outcome rows add up to the total' },
  T3_OTHER_SUBSUM: { severity: 'error', descriptionZh: '表三（六）其他处理等于其子项之和', descriptionEn: 'Table 3 other handling equals its sub-rows' },
  T3_ROW_TOTAL: { severity: 'error', descriptionZh: '表三各行总计列等于各申请人列之和', descriptionEn: 'Table 3 total column equals the applicant columns' },
  T4_SUM_REVIEW: { severity: 'error', descriptionZh: '表四行政复议总计等于各结果之和', descriptionEn: 'Table 4 review total equals its results' },
  T4_SUM_LIT_DIRECT: { severity: 'error', descriptionZh: '表四未经复议直接起诉总计等于各结果之和', descriptionEn: 'Table 4 direct lawsuits total equals its results' },
  T4_SUM_LIT_AFTER: { severity: 'error', descriptionZh: '表四复议后起诉总计等于各结果之和', descriptionEn: 'Table 4 lawsuits after review total equals its results' },
  NONNEG_INT: { severity: 'error', descriptionZh: '计数单元格应为非负整数', descriptionEn: 'Count cells are non-negative integers' },
  SECTION_MISSING: { severity: 'warning', descriptionZh: '报告缺少规定的部分或表格', descriptionEn: 'A required section or table is missing' },
  FORMAT_MISMATCH: { severity: 'warning', descriptionZh: '表格格式与报告年度不符或无法确定', descriptionEn: 'Template does not match the report year, or is mixed' },
  BLANK_AS_ZERO: { severity: 'info', descriptionZh: '空白单元格在校验中按 0 计', descriptionEn: 'Blank cells counted as 0 in checks' },
  CELL_UNREADABLE: { severity: 'warning', descriptionZh: '有单元格无法确定读取', descriptionEn: 'Some cells could not be read with certainty' },
  T3_OTHER_NO_SUBROWS: { severity: 'info', descriptionZh: '2021 版报告的（六）其他处理未分 3 个子项，按单行记录', descriptionEn: 'v2021 report prints （六） as one row' },
  YEAR_CONFLICT: { severity: 'warning', descriptionZh: '标题年度与统计期限年度不一致', descriptionEn: 'Title year and statistics period disagree' },
  YEAR_UNKNOWN: { severity: 'warning', descriptionZh: '无法确定报告年度', descriptionEn: 'Report year not found' },
  AGENCY_UNKNOWN: { severity: 'warning', descriptionZh: '无法确定报告机关名称', descriptionEn: 'Agency name not found' },
  XYEAR_CARRY: { severity: 'warning', descriptionZh: '本年「上年结转」与上一年报告「结转下年度」不一致', descriptionEn: 'Carried in differs from last year\'s carried out' },
  DUPLICATE_REPORT: { severity: 'warning', descriptionZh: '同一机关同一年度有多份不同的报告文件', descriptionEn: 'Several different files for one agency and year' },
  MISSING_YEAR: { severity: 'info', descriptionZh: '机关的报告年度之间缺少某年', descriptionEn: 'A year is missing between an agency\'s reports' },
  REGION_AMBIGUOUS: { severity: 'warning', descriptionZh: '机关名称对应多个行政区划，需指定地区', descriptionEn: 'Agency name matches several regions' },
  REGION_UNRESOLVED: { severity: 'warning', descriptionZh: '无法从机关名称确定行政区划', descriptionEn: 'No region found for the agency name' },
  REGION_HINT_CONFLICT: { severity: 'warning', descriptionZh: '指定的地区与机关名称不一致', descriptionEn: 'Region hint disagrees with the agency name' },
};
