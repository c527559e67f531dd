/**
 * Which national template printed the tables, decided from the tables themselves (never from
 * the year): table 二's column names first, then table 三's （六） rows (report-format.md §8).
 */
export type DetectedTemplate = 'v2021' | 'v2019' | 'legacy' | 'unknown';

export interface TemplateEvidence {
  t2Eras: Set<'v2021' | 'v2019'>;
  t3OtherSubrows: boolean;
  t3OtherLeaf: boolean;
  hasTables: boolean;
  year: number | null;
}

export function detectTemplate(e: TemplateEvidence): { template: DetectedTemplate; mixed: boolean } {
  if (e.t2Eras.size === 2) return { template: 'unknown', mixed: true };
  if (e.t2Eras.size === 1) return { template: [...e.t2Eras][0], mixed: false };
  if (e.t3OtherSubrows && !e.t3OtherLeaf) return { template: 'v2021', mixed: false };
  if (e.t3OtherLeaf && !e.t3OtherSubrows) return { template: 'v2019', mixed: false };
  if (!e.hasTables && e.year !== null && e.year <= 2018) return { template: 'legacy', mixed: false };
  return { template: 'unknown', mixed: e.t3OtherLeaf && e.t3OtherSubrows };
}
