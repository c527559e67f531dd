/**
 * The document model every extractor produces: ordered blocks, tables as rows of cells with
 * spans expanded. A cell that only continues a span started elsewhere is marked `spanned`, so a
 * parser can read each printed cell once yet still see the labels of merged rows.
 */
export interface DocCell {
  text: string;
  /** Where the cell was found: `L12` (text line) or `t2.r5.c3` (table, row, column; 1-based). */
  loc: string;
  spanned?: boolean;
  /** PDF only: where the text sits (points; y top-down, pages stacked). */
  box?: { x0: number; x1: number; yc: number; fs: number };
}

export type DocRow = DocCell[];

export type DocBlock =
  | { kind: 'para'; text: string; loc: string }
  | {
      kind: 'table';
      rows: DocRow[];
      loc: string;
      /**
       * Every row prints every column (markdown): the value columns are the last ones, so blank
       * padding between labels and values is told apart from blank values by position.
       */
      grid?: boolean;
    };

export interface Message {
  level: 'warning' | 'info';
  text: string;
}

export interface Doc {
  blocks: DocBlock[];
  /** A document title from metadata (HTML <title>), when there is one. */
  metaTitle?: string;
  messages: Message[];
}
