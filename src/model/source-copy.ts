/**
 * How the copy of a report published beside the dataset (`sources/`, written by `--copy-sources`)
 * is named. A report is content from another site: served from the dashboard's own origin as
 * HTML, its scripts would run there and its widgets would call other hosts. Static servers choose
 * the content type by the file's extension, so the name alone must make the copy inert: only
 * extensions that no browser runs anything from are kept; every other copy gets `.txt` appended
 * and is shown as plain text, or downloaded under its original name (the link's `download`).
 * Used by the ingest (the copy), the site build (older datasets' copies) and the dashboard (links).
 */

/** Shown as a document, nothing in it runs on the site: PDF (the browser's viewer) and plain text. */
const VIEWABLE = new Set(['.pdf', '.txt']);
/** Office files: every browser downloads them. */
const DOWNLOADED = new Set(['.docx', '.doc', '.wps', '.xlsx', '.xls', '.et', '.odt', '.rtf']);

/** The file's extension as a copy keeps it: lower case, letters and digits only, else ''. */
export function sourceExtension(path: string): string {
  return (/\.[A-Za-z0-9]{1,5}$/.exec(path)?.[0] ?? '').toLowerCase();
}

export function isInertExtension(ext: string): boolean {
  return VIEWABLE.has(ext) || DOWNLOADED.has(ext);
}

/** `<report_id><ext>` for inert types, `<report_id><ext>.txt` for everything else (HTML above all). */
export function sourceCopyName(reportId: string, sourcePath: string): string {
  const ext = sourceExtension(sourcePath);
  return isInertExtension(ext) ? `${reportId}${ext}` : `${reportId}${ext}.txt`;
}

/** A copy the browser should save rather than show: its original name, for the link's `download`. */
export function sourceDownloadName(sourcePath: string): string | null {
  const ext = sourceExtension(sourcePath);
  if (VIEWABLE.has(ext)) return null;
  // the last path segment, without characters file systems refuse
  const base = sourcePath.split(/[/\\]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f<>:"|?*\u202a-\u202e\u2066-\u2069\u200e\u200f]/g, '_').slice(-120);
  return clean || `report${ext}`;
}

/** The name an older dataset's copy gets when a site is built from it (same rule, from the file name). */
export function inertCopyName(fileName: string): string {
  return isInertExtension(sourceExtension(fileName)) ? fileName : `${fileName}.txt`;
}
