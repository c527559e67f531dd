import { describe, expect, it } from 'vitest';
import { isReportId, safeHref } from '../../src/lib/safe-url.ts';

describe('source links', () => {
  it.each([
    ['https://www.julu.gov.cn/a.html', 'https://www.julu.gov.cn/a.html'],
    ['  http://example.gov.cn/x?y=1 ', 'http://example.gov.cn/x?y=1'],
  ])('%s is linked', (url, want) => expect(safeHref(url)).toBe(want));

  it.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '//evil.example/x', 'https//x', '', null, 42])('%j is not', (url) => {
    expect(safeHref(url)).toBeNull();
  });

  it('report ids are 16 hex digits', () => {
    expect(isReportId('0123456789abcdef')).toBe(true);
    expect(isReportId('../../etc/passwd')).toBe(false);
  });
});
