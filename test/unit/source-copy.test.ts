import { describe, expect, it } from 'vitest';
import { inertCopyName, sourceCopyName, sourceDownloadName } from '../../src/model/source-copy.ts';

describe('names of report copies', () => {
  it('keeps only extensions no browser runs anything from', () => {
    expect(sourceCopyName('0123456789abcdef', 'a/b/report.PDF')).toBe('0123456789abcdef.pdf');
    expect(sourceCopyName('0123456789abcdef', 'r.txt')).toBe('0123456789abcdef.txt');
    expect(sourceCopyName('0123456789abcdef', 'r.docx')).toBe('0123456789abcdef.docx');
    for (const ext of ['html', 'HTM', 'xhtml', 'shtml', 'svg', 'xml', 'mht', 'md', 'js']) {
      expect(sourceCopyName('0123456789abcdef', `r.${ext}`)).toBe(`0123456789abcdef.${ext.toLowerCase()}.txt`);
    }
    expect(sourceCopyName('0123456789abcdef', 'no-extension')).toBe('0123456789abcdef.txt');
    expect(sourceCopyName('0123456789abcdef', 'odd.h tml')).toBe('0123456789abcdef.txt');
  });
  it('renames an older dataset’s copies the same way', () => {
    expect(inertCopyName('0123456789abcdef.html')).toBe(sourceCopyName('0123456789abcdef', 'x.html'));
    expect(inertCopyName('0123456789abcdef.html.txt')).toBe('0123456789abcdef.html.txt');
    expect(inertCopyName('0123456789abcdef.pdf')).toBe('0123456789abcdef.pdf');
  });
  it('saves web pages under their own name, shows PDF and text', () => {
    expect(sourceDownloadName('in/2022_平潭.html')).toBe('2022_平潭.html');
    expect(sourceDownloadName('in\\a\u202Eexe.html')).toBe('a_exe.html');
    expect(sourceDownloadName('r.pdf')).toBeNull();
    expect(sourceDownloadName('r.txt')).toBeNull();
  });
});
