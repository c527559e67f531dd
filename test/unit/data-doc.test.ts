import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { dataDoc } from '../../scripts/gen-data-doc.ts';

it('docs/data.md is the contract of src/model (run npm run docs:data after changing it)', () => {
  expect(readFileSync('docs/data.md', 'utf8')).toBe(dataDoc());
});
