/**
 * npm run docs:data — writes docs/data.md, the data contract, from src/model so the two cannot
 * drift (a test compares the file with this output).
 */
import { writeFileSync } from 'node:fs';
import { APPLICANTS } from '../src/model/applicants.ts';
import { TABLES } from '../src/model/contract.ts';
import { IDENTITIES } from '../src/model/identities.ts';
import { METRICS, CROSSWALK } from '../src/model/metrics.ts';
import { RULES } from '../src/model/rules.ts';
import { SCHEMA_VERSION } from '../src/model/contract.ts';

export function dataDoc(): string {
  const out: string[] = [];
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  out.push(`# 数据说明 / The data contract (schema version ${SCHEMA_VERSION})`, '');
  out.push('> 本文件由 `npm run docs:data` 从 `src/model/` 生成，请勿手改。 Generated from `src/model/` by `npm run docs:data`; do not edit by hand.', '');
  out.push('一个数据集是一个文件夹：`reports.parquet`、`cells.parquet`、`findings.parquet` 和 `manifest.json`。',
    '每个输入文件在 `reports` 中恰有一行（包括无法读取的文件）；单元格按报告原样记录，从不修正报告的算术。',
    '',
    'A dataset is a folder of `reports.parquet`, `cells.parquet`, `findings.parquet` and `manifest.json`. Every input file has exactly one row in `reports` (failed ones included). Cells are recorded as printed; a report\'s arithmetic is never "fixed". Rows are written in a fixed order: reports by `source_path`; cells and findings by report, reports ordered by `agency_id` (their own `report_id` when they have no agency), `year` and `report_id`, so that an agency\'s reports sit together; within a report, in catalogue order.',
    '',
    '```sql',
    "-- DuckDB: 各县 2024 年收到的申请 / applications received per county in 2024",
    "SELECT r.province, r.county, sum(c.value) AS received",
    "FROM 'reports.parquet' r JOIN 'cells.parquet' c USING (report_id)",
    "WHERE r.year = 2024 AND c.metric = 'app.new' AND c.applicant = 'total' AND r.status <> 'failed'",
    "GROUP BY ALL ORDER BY received DESC;",
    '```', '');
  for (const [name, cols] of Object.entries(TABLES)) {
    out.push(`## \`${name}.parquet\``, '', '| column | type | null | meaning |', '|---|---|---|---|');
    for (const c of cols) out.push(`| \`${c.name}\` | ${c.type} | ${c.nullable ? 'yes' : 'no'} | ${esc(c.doc)} |`);
    out.push('');
  }
  out.push('## `manifest.json`', '', '`schema_version`, `generator`, `built_at`, `synthetic` (true for generated corpora), `row_counts`, `rows_digest` (SHA-256 over each table\'s row count and the sum of its rows\' hashes: equal rows give an equal digest, whatever their order), `inputs` (path, sha256, status of every input file), `files`, `sources` (true when the folder `sources/` holds copies of the reports, written by `--copy-sources`).', '',
    '`sources/`: each report\'s file as read, named `<report_id>.pdf`, `.txt` or an office extension; every other file gets `.txt` appended (a web page is `<report_id>.html.txt`), so that no server shows a copy as a page on the dashboard\'s site (`src/model/source-copy.ts`).', '');
  out.push('## 单元格状态 / Cell states', '',
    '| state | 含义 | value |', '|---|---|---|',
    '| `number` | 印出一个数字（全角数字、千位分隔符、单元格内单位「251000元」、括注「22（其中修订16件）」均按数字读取） | the number as printed |',
    '| `blank` | 空白单元格（校验时按 0 计并记 BLANK_AS_ZERO） | NULL |',
    '| `na` | `/`、`—`、`-`、`无`、`不适用` | NULL |',
    '| `unreadable` | 无法确定读取，原因见 `reason`（如几个单元格连在一起「230 000023」、行的单元格数不对、未找到此行） | NULL |', '');
  out.push('## 申请人列 / Applicant codes (table 三)', '', '| code | 中文 | English |', '|---|---|---|');
  for (const a of APPLICANTS) out.push(`| \`${a.code}\` | ${a.labelZh} | ${a.labelEn} |`);
  out.push('| `org_all` | 法人或其他组织（5 列之和，仅派生，不入库） | all organisations (derived only) |', '');
  out.push('## 指标代码 / Metric codes', '', '模板列：该指标出现在哪个版本的表格中。`derived` 指标从不印出，只在看板中计算。', '',
    '| code | table | 中文标签 | English | templates | unit | type |', '|---|---|---|---|---|---|---|');
  for (const m of METRICS) {
    out.push(`| \`${m.code}\` | ${m.table} | ${esc(m.labelZh)}${m.labelV2019 ? `（2019 版：${esc(m.labelV2019)}）` : ''} | ${esc(m.labelEn)} | ${m.templates.join(', ')}${m.derived ? ' (derived)' : ''} | ${m.unit} | ${m.valueType} |`);
  }
  out.push('', '### 2019 版与 2021 版的对应 / v2019 ↔ v2021', '', '只有 `identical` 的指标可以连成一条时间序列。 Only `identical` measures form one series.', '', '| v2019 | v2021 | relation | note |', '|---|---|---|---|');
  for (const c of CROSSWALK) out.push(`| \`${c.v2019}\` | ${c.v2021 ? `\`${c.v2021}\`` : '—'} | ${c.relation} | ${esc(c.note ?? '')} |`);
  out.push('', 'All `app.*` rows except the （六） sub-rows, and all table 四 codes, are identical in both templates.', '');
  out.push('## 校验规则 / Rules of `findings`', '', '`expected` 为由其他单元格推出的值（等式右边），`actual` 为报告印出的值（等式左边）。',
    'For identities `actual` is the left-hand side as printed and `expected` the right-hand side computed from the other printed cells.', '',
    '| rule | severity | 中文 | English |', '|---|---|---|---|');
  for (const [rule, r] of Object.entries(RULES)) out.push(`| \`${rule}\` | ${r.severity} | ${r.descriptionZh} | ${r.descriptionEn} |`);
  out.push('', '### 勾稽关系 / Identities', '');
  for (const id of IDENTITIES) out.push(`- \`${id.rule}\`: ${id.descriptionZh}`);
  out.push('');
  return out.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync('docs/data.md', dataDoc());
  console.log('docs/data.md written');
}
