/**
 * Bodies renamed one-to-one in the 2018–2019 机构改革 (report-format.md §4.3): reports of the old
 * body and of the new one in the same region are one agency across years, the old name kept as
 * an alias with its years. Mergers (工商 + 质监 + 食药 → 市场监督管理局, 文化 + 旅游) are not
 * renamings and stay separate agencies.
 */
export const RENAMED_FAMILIES: readonly { family: string; names: RegExp }[] = [
  { family: '生态环境局', names: /(?:环境保护局|生态环境局)$/ },
  { family: '自然资源局', names: /(?:国土资源局|国土资源和规划局|自然资源局|自然资源和规划局)$/ },
  { family: '卫生健康委员会', names: /(?:卫生和计划生育委员会|卫生计生委|卫生和计划生育局|卫生计生局|卫生健康委员会|卫生健康委|卫生健康局)$/ },
  { family: '应急管理局', names: /(?:安全生产监督管理局|安监局|应急管理局)$/ },
  { family: '农业农村局', names: /(?:农业局|农业委员会|农业农村局|农业农村委员会)$/ },
];

/** The name under which renamed bodies meet (unchanged when no renaming applies). */
export function renamedFamily(name: string): string {
  for (const f of RENAMED_FAMILIES) if (f.names.test(name)) return name.replace(f.names, f.family);
  return name;
}
