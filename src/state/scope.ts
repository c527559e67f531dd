import type { Filters } from '../queries/filters.ts';

export function isDefault(f: Filters): boolean {
  return f.from === null && f.to === null && !f.region && !f.kind && !f.level && !f.template;
}
