/**
 * Errors a person can act on: said in one line (Chinese / English), with the exit code the
 * README documents (64 usage, 1 run not completed), never as a stack.
 */
import { dirname, resolve } from 'node:path';

export class UserError extends Error {
  constructor(message: string, readonly exitCode: 1 | 64 = 1) {
    super(message);
  }
}

/** Why a folder cannot be written, by the system's error code (or DuckDB's words for it). */
const CAUSES: [RegExp, string][] = [
  [/\bENOSPC\b|No space left on device/i, '磁盘已满 / no space left on device'],
  [/\bEDQUOT\b|Disk quota exceeded/i, '超出磁盘配额 / disk quota exceeded'],
  [/\bEROFS\b|Read-only file system/i, '只读文件系统 / read-only file system'],
  [/\bEACCES\b|\bEPERM\b|Permission denied|Operation not permitted/i, '没有写入权限 / permission denied'],
];

/**
 * One line for an error met while writing under the output `out`: the folder and the cause.
 * Null when the error is not about writing there.
 */
export function outputProblem(e: unknown, out: string): string | null {
  const err = e as NodeJS.ErrnoException;
  const text = `${err?.code ?? ''} ${err?.message ?? String(e)}`;
  const cause = CAUSES.find(([re]) => re.test(text))?.[1];
  if (!cause) return null;
  // the folder named: the one the system names when it does, else where the dataset goes
  const folder = typeof err?.path === 'string' && err.path ? dirname(resolve(err.path)) : dirname(resolve(out));
  return `无法写入输出文件夹 ${folder}：${cause.split(' / ')[0]} / cannot write to the output folder ${folder}: ${cause.split(' / ')[1]}`;
}

/** An error while writing the output as a UserError when it is one a person can act on; else the error itself. */
export function asOutputError(e: unknown, out: string): unknown {
  if (e instanceof UserError) return e;
  const line = outputProblem(e, out);
  return line ? new UserError(line, 1) : e;
}
