/**
 * The public data contract: the Parquet tables the ingest writes and the dashboard reads.
 * Column order and types here are the ones written; docs/data.md documents them.
 */
export const SCHEMA_VERSION = 1;

export type ReportStatus = 'ok' | 'partial' | 'failed';
export type ReportTemplate = 'v2021' | 'v2019' | 'legacy' | 'unknown';
export type CellState = 'number' | 'blank' | 'na' | 'unreadable';
export type FindingResult = 'fail' | 'not_assessable';

export type SqlType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'VARCHAR[]' | 'STRUCT(name VARCHAR, first_year INTEGER, last_year INTEGER)[]';
export interface ColumnDef { name: string; type: SqlType; nullable: boolean; doc: string }

export const REPORT_COLUMNS: readonly ColumnDef[] = [
  { name: 'report_id', type: 'VARCHAR', nullable: false, doc: '稳定标识：源文件 SHA-256 的前 16 位十六进制 / first 16 hex digits of the file SHA-256' },
  { name: 'source_path', type: 'VARCHAR', nullable: false, doc: '输入文件路径（相对于命令行给出的目录）/ input path as given' },
  { name: 'source_sha256', type: 'VARCHAR', nullable: false, doc: '源文件字节的 SHA-256' },
  { name: 'agency_id', type: 'VARCHAR', nullable: true, doc: '→ agencies.agency_id：同一机关跨年度、跨写法为同一个 id' },
  { name: 'source_format', type: 'VARCHAR', nullable: false, doc: 'text | markdown | html | pdf | docx | doc | zip | empty | binary | unknown' },
  { name: 'source_url', type: 'VARCHAR', nullable: true, doc: '来源网址（来自 --sources 文件）' },
  { name: 'status', type: 'VARCHAR', nullable: false, doc: 'ok | partial | failed' },
  { name: 'status_reason', type: 'VARCHAR', nullable: true, doc: '非 ok 时的原因（中文 / English）' },
  { name: 'agency_name', type: 'VARCHAR', nullable: true, doc: '报告机关名称（按报告标题）' },
  { name: 'agency_kind', type: 'VARCHAR', nullable: true, doc: 'government | gov_office | department | dept_branch | vertical | township | zone_admin | unknown' },
  { name: 'admin_level', type: 'VARCHAR', nullable: true, doc: 'central | province | prefecture | county | township' },
  { name: 'region_code', type: 'VARCHAR', nullable: true, doc: '6 位 GB/T 2260 代码（省 110000、市 130500、县 130529）' },
  { name: 'province', type: 'VARCHAR', nullable: true, doc: '省级名称' },
  { name: 'city', type: 'VARCHAR', nullable: true, doc: '地级名称' },
  { name: 'county', type: 'VARCHAR', nullable: true, doc: '县级名称' },
  { name: 'year', type: 'INTEGER', nullable: true, doc: '统计年度（统计期限，不是发布年份）' },
  { name: 'template', type: 'VARCHAR', nullable: false, doc: 'v2021 | v2019 | legacy | unknown（由表头判定，不由年份判定）' },
  { name: 'title', type: 'VARCHAR', nullable: true, doc: '报告标题' },
  { name: 'cell_count', type: 'INTEGER', nullable: false, doc: '本报告在 cells 中的行数' },
  { name: 'unreadable_count', type: 'INTEGER', nullable: false, doc: '其中 state = unreadable 的单元格数' },
];

export const CELL_COLUMNS: readonly ColumnDef[] = [
  { name: 'report_id', type: 'VARCHAR', nullable: false, doc: '→ reports.report_id' },
  { name: 'metric', type: 'VARCHAR', nullable: false, doc: '指标代码（见下表）' },
  { name: 'applicant', type: 'VARCHAR', nullable: false, doc: "表三的申请人列代码；其他表为 ''" },
  { name: 'value', type: 'DOUBLE', nullable: true, doc: 'state = number 时的数值，否则 NULL；按报告原样，从不修正' },
  { name: 'state', type: 'VARCHAR', nullable: false, doc: 'number | blank | na | unreadable' },
  { name: 'raw', type: 'VARCHAR', nullable: false, doc: '单元格原文' },
  { name: 'locator', type: 'VARCHAR', nullable: false, doc: '在源文件中的位置（行号或表格/行/列）' },
  { name: 'reason', type: 'VARCHAR', nullable: true, doc: 'state = unreadable 时的原因；state = number 而原文有脚注标记或删除线文字时，说明哪些字符不计入数值；其余为 NULL' },
];

export const FINDING_COLUMNS: readonly ColumnDef[] = [
  { name: 'report_id', type: 'VARCHAR', nullable: false, doc: '→ reports.report_id' },
  { name: 'rule', type: 'VARCHAR', nullable: false, doc: '规则代码（见下表）' },
  { name: 'severity', type: 'VARCHAR', nullable: false, doc: 'error | warning | info' },
  { name: 'result', type: 'VARCHAR', nullable: false, doc: 'fail（规则不成立 / 情形出现）| not_assessable（涉及 na 或 unreadable 单元格）' },
  { name: 'applicant', type: 'VARCHAR', nullable: false, doc: "涉及的申请人列；无则 ''" },
  { name: 'metric', type: 'VARCHAR', nullable: false, doc: "主要涉及的指标（如被校验的总计行）；无则 ''" },
  { name: 'metrics', type: 'VARCHAR[]', nullable: false, doc: '校验涉及的全部指标代码' },
  { name: 'expected', type: 'DOUBLE', nullable: true, doc: '由其他单元格推出的应有值' },
  { name: 'actual', type: 'DOUBLE', nullable: true, doc: '报告印出的值' },
  { name: 'message', type: 'VARCHAR', nullable: false, doc: '中文说明，指明位置' },
];

export const AGENCY_COLUMNS: readonly ColumnDef[] = [
  { name: 'agency_id', type: 'VARCHAR', nullable: false, doc: '机关标识（由地区代码和规范化名称导出，跨次导入稳定）' },
  { name: 'canonical_name', type: 'VARCHAR', nullable: false, doc: '最近一年报告所用名称' },
  { name: 'agency_kind', type: 'VARCHAR', nullable: true, doc: '同 reports.agency_kind' },
  { name: 'admin_level', type: 'VARCHAR', nullable: true, doc: '同 reports.admin_level' },
  { name: 'region_code', type: 'VARCHAR', nullable: true, doc: '6 位 GB/T 2260 代码；不同地区的机关从不合并' },
  { name: 'province', type: 'VARCHAR', nullable: true, doc: '省级名称' },
  { name: 'city', type: 'VARCHAR', nullable: true, doc: '地级名称' },
  { name: 'county', type: 'VARCHAR', nullable: true, doc: '县级名称' },
  { name: 'first_year', type: 'INTEGER', nullable: true, doc: '最早报告年度' },
  { name: 'last_year', type: 'INTEGER', nullable: true, doc: '最晚报告年度' },
  { name: 'report_count', type: 'INTEGER', nullable: false, doc: '报告数' },
  { name: 'aliases', type: 'STRUCT(name VARCHAR, first_year INTEGER, last_year INTEGER)[]', nullable: false, doc: '报告中出现过的全部名称及其使用年度（如机构改革前的旧名）' },
];

export const TABLES = {
  reports: REPORT_COLUMNS,
  cells: CELL_COLUMNS,
  findings: FINDING_COLUMNS,
  agencies: AGENCY_COLUMNS,
} as const;
export type TableName = keyof typeof TABLES;

export interface ReportRow {
  report_id: string; source_path: string; source_sha256: string; agency_id: string | null; source_format: string; source_url: string | null;
  status: ReportStatus; status_reason: string | null; agency_name: string | null; agency_kind: string | null;
  admin_level: string | null; region_code: string | null; province: string | null; city: string | null;
  county: string | null; year: number | null; template: ReportTemplate; title: string | null;
  cell_count: number; unreadable_count: number;
}
export interface CellRow {
  report_id: string; metric: string; applicant: string; value: number | null; state: CellState;
  raw: string; locator: string; reason: string | null;
}
export interface FindingRow {
  report_id: string; rule: string; severity: 'error' | 'warning' | 'info'; result: FindingResult;
  applicant: string; metric: string; metrics: string[]; expected: number | null; actual: number | null; message: string;
}
