/** A string as a DuckDB SQL literal (file paths and the like, where a bound parameter cannot go). */
export const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;
