/** Applicant columns of table 三 (report-format.md §7.3), in printed order. */
export const APPLICANTS = [
  { code: 'natural', labelZh: '自然人', labelEn: 'Natural persons' },
  { code: 'org_business', labelZh: '商业企业', labelEn: 'Businesses' },
  { code: 'org_research', labelZh: '科研机构', labelEn: 'Research institutions' },
  { code: 'org_nonprofit', labelZh: '社会公益组织', labelEn: 'Non-profit organisations' },
  { code: 'org_legal', labelZh: '法律服务机构', labelEn: 'Legal service providers' },
  { code: 'org_other', labelZh: '其他', labelEn: 'Other organisations' },
  { code: 'total', labelZh: '总计', labelEn: 'Total' },
] as const;

export type ApplicantCode = (typeof APPLICANTS)[number]['code'];

export const APPLICANT_CODES: readonly ApplicantCode[] = APPLICANTS.map((a) => a.code);

/** The six columns that add up to 总计. */
export const APPLICANT_PARTS: readonly ApplicantCode[] = APPLICANT_CODES.filter((c) => c !== 'total');

/** Derived only, never printed: 法人或其他组织 = the five org columns. */
export const ORG_ALL = { code: 'org_all', labelZh: '法人或其他组织', labelEn: 'All organisations' } as const;

export function applicantLabel(code: string): string {
  return APPLICANTS.find((a) => a.code === code)?.labelZh ?? (code === ORG_ALL.code ? ORG_ALL.labelZh : code);
}
