/**
 * Reports with names no layout expects: a source path of 1,200+ characters (nested folders, each
 * within the file system's 255-byte limit), an agency name hundreds of characters long without a
 * space, file names with a right-to-left override, and a failed file whose reason is long.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderHtml } from '../../scripts/lib/render/render-html.ts';
import { REAL_REPORTS, specOf } from './real-reports.ts';

export const RLO_NAME = '\u202Eexe.report.txt';
export const LONG_AGENCY = `巨鹿县${'信息公开工作领导小组'.repeat(30)}人民政府办公室`;

/** Writes the inputs under `input`; returns the long relative folder the long-path report is in. */
export function writeLongNameInputs(input: string): string {
  const julu = specOf(REAL_REPORTS.find((r) => r.name.startsWith('julu'))!.expected);
  // 8 folders of 150 ASCII characters with no place a line may break: a path of 1,200+ characters
  const deep = Array.from({ length: 8 }, (_, i) => `${i}${'deep_folder_name_'.repeat(9)}`.slice(0, 150)).join('/');
  mkdirSync(join(input, deep), { recursive: true });
  writeFileSync(join(input, deep, `${'julu-county-office-2024-'.repeat(8)}.html`), renderHtml({ ...julu, agency: LONG_AGENCY }));
  // the right-to-left override in a file name: as published, and in a second file of another year
  cpSync('data/samples/julu-county-office-2024.txt', join(input, RLO_NAME));
  cpSync('data/samples/2023_huaian-hongze-district-government.pdf', join(input, `\u202Efdp.2023-hongze.pdf`));
  // a failed file (listed in 数据质量) at the end of the long path, its name as long as a name can be
  writeFileSync(join(input, deep, `${'坏'.repeat(80)}.txt`), 'not a report '.repeat(20));
  return deep;
}
