/** The regions present in the dataset, for the province → city → county filter. */
import type { Sql } from './filters.ts';

export function regionsPresent(): Sql {
  return {
    sql: `SELECT DISTINCT region_code, province, city, county FROM reports WHERE region_code IS NOT NULL ORDER BY region_code`,
    params: [],
  };
}

export function yearsPresent(): Sql {
  return { sql: `SELECT min(year) AS min_year, max(year) AS max_year FROM reports WHERE status <> 'failed'`, params: [] };
}
