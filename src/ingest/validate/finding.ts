import type { FindingResult } from '../../model/contract.ts';
import { RULES } from '../../model/rules.ts';

/** A finding before it is tied to a report id. */
export interface Finding {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  result: FindingResult;
  applicant: string;
  metric: string;
  metrics: string[];
  expected: number | null;
  actual: number | null;
  message: string;
}

export function finding(rule: string, message: string, extra: Partial<Finding> = {}): Finding {
  return {
    rule, severity: RULES[rule]?.severity ?? 'warning', result: 'fail', applicant: '', metric: '', metrics: [],
    expected: null, actual: null, message, ...extra,
  };
}
