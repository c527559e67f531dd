import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agencyKey } from '../../src/ingest/agencies.ts';
import type { ReportRow } from '../../src/model/contract.ts';
import { DatasetBuilder } from '../../scripts/lib/dataset-builder.ts';
import { readDataset } from '../helpers/dataset.ts';
import { reportRow } from '../helpers/rows.ts';

function report(id: string, name: string, year: number, region: string | null, province: string | null = null, city: string | null = null): ReportRow {
  return reportRow(id.padEnd(16, '0'), { source_path: `${id}.txt`, source_sha256: id.padEnd(64, '0'), agency_name: name, agency_kind: 'government', admin_level: 'county', region_code: region, province, city, year });
}

describe('one agency across years and spellings', () => {
  it.each([
    ['平潭综合实验区', '平潭综合实验区（管委会办公室）', '350128', '福建省', '福州市'],
    ['平潭综合实验区（管委会办公室）', '平潭综合实验区(管委会办公室)', '350128', '福建省', '福州市'],
    ['淮安市洪泽区人民政府', '洪泽区人民政府', '320813', '江苏省', '淮安市'],
    ['巨鹿县环境保护局', '巨鹿县生态环境局', '130529', '河北省', '邢台市'],
    ['巨鹿县国土资源局', '巨鹿县自然资源和规划局', '130529', '河北省', '邢台市'],
    ['邢台市巨鹿县卫生和计划生育局', '巨鹿县卫生健康局', '130529', '河北省', '邢台市'],
    ['巨鹿县 人民政府', '巨鹿县政府', '130529', '河北省', '邢台市'],
  ])('%s = %s', (a, b, region, province, city) => {
    const r = { region_code: region, province, city };
    expect(agencyKey(a, r)).toBe(agencyKey(b, r));
  });

  it('merged bodies stay apart, and so do agencies of different regions', () => {
    const r = { region_code: '130529', province: '河北省', city: '邢台市' };
    expect(agencyKey('巨鹿县工商行政管理局', r)).not.toBe(agencyKey('巨鹿县市场监督管理局', r));
    expect(agencyKey('朝阳区人民政府', { region_code: '110105', province: '北京市', city: null }))
      .not.toBe(agencyKey('朝阳区人民政府', { region_code: '220104', province: '吉林省', city: '长春市' }));
  });

  it('the dataset links reports and keeps every printed name with its years', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'xxgk-ag-')), 'ds');
    const b = await DatasetBuilder.open(out);
    await b.add([
      report('a', '巨鹿县环境保护局', 2018, '130529', '河北省', '邢台市'),
      report('b', '巨鹿县生态环境局', 2019, '130529', '河北省', '邢台市'),
      report('c', '巨鹿县生态环境局', 2020, '130529', '河北省', '邢台市'),
      report('d', '朝阳区人民政府', 2020, '110105', '北京市'),
      report('e', '朝阳区人民政府', 2020, '220104', '吉林省', '长春市'),
    ].map((r) => ({ report: r, cells: [], findings: [] })));
    await b.finish({ generator: 'test' });
    const { reports, agencies } = await readDataset(out);
    const id = (p: string) => reports.find((r) => r.source_path === `${p}.txt`)!.agency_id;
    expect(id('a')).toBe(id('b'));
    expect(id('b')).toBe(id('c'));
    expect(id('d')).not.toBe(id('e'));
    const eco = agencies.find((g) => g.agency_id === id('a'))!;
    expect(eco).toMatchObject({ canonical_name: '巨鹿县生态环境局', first_year: 2018, last_year: 2020, report_count: 3 });
    expect(eco.aliases).toEqual([
      { name: '巨鹿县环境保护局', first_year: 2018, last_year: 2018 },
      { name: '巨鹿县生态环境局', first_year: 2019, last_year: 2020 },
    ]);
  });
});
