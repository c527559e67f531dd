/**
 * A round of reading in a process of its own (the parent's side): the child reads its files
 * into the work database, commits, says where the walk stopped and exits, giving back all the
 * memory it held. A child that fails fails the run, and the rows it committed stay in the work
 * database for the next run to continue from.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RoundOptions, RoundResult } from './ingest-batch.ts';
import { bundleOf, workerBundle } from './worker-bundle.ts';
import { UserError } from './user-error.ts';

export interface RoundTask {
  paths: string[]; out: string; opts: Omit<RoundOptions, 'onFile'>; fresh: boolean;
  after: string[] | null; seen: string[]; maxFiles: number; progress: { done: number; total: number };
}

/** What a child sends: progress while it reads, then its result or its error. */
export type RoundMessage = { file: [number, number, string] } | { result: RoundResult } | { error: string; /** a UserError's exit code: said in one line by the run */ exitCode?: 1 | 64 };

export function readRoundInChild(task: RoundTask, onFile?: (done: number, total: number, path: string) => void): Promise<RoundResult> {
  const child = fork(fileURLToPath(bundleOf('ingest-round-child')), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [],
    env: { ...process.env, XXGK_WORKER_BUNDLE: workerBundle().href, XXGK_ROUND_PROGRESS: onFile ? '1' : '' },
  });
  return new Promise((resolve, reject) => {
    let result: RoundResult | null = null;
    let error: string | null = null;
    let exitCode: 1 | 64 | undefined;
    // this process's memory while the round ran, sampled each second and at each message: the
    // two processes' peak together is at most the child's peak and this
    let mine = process.memoryUsage.rss();
    const sample = () => (mine = Math.max(mine, process.memoryUsage.rss()));
    const sampler = setInterval(sample, 1000);
    child.on('message', (m: RoundMessage) => {
      sample();
      if ('file' in m) onFile?.(...m.file);
      else if ('result' in m) result = m.result;
      else ({ error, exitCode } = m);
    });
    child.on('error', (e) => {
      clearInterval(sampler);
      reject(e);
    });
    child.on('exit', (code, signal) => {
      clearInterval(sampler);
      if (result && code === 0) resolve({ ...result, peakRss: result.peakRss + sample() });
      else if (error && exitCode) reject(new UserError(error, exitCode));
      else reject(new Error(error ?? `读取进程意外退出（${signal ?? code}）/ a reading process exited unexpectedly (${signal ?? code})`));
    });
    child.send(task);
  });
}
