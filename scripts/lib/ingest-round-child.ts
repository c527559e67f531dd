/** A round of reading in a process of its own (the child's side, see ingest-rounds.ts). */
import { DatasetBuilder } from './dataset-builder.ts';
import { maxRss, readRound } from './ingest-batch.ts';
import type { RoundMessage, RoundTask } from './ingest-rounds.ts';
import { UserError } from './user-error.ts';

const say = (m: RoundMessage) => new Promise<void>((done) => process.send!(m, () => done()));

// A parent killed mid-round must not leave this process reading on, holding the work database
// that the next run opens: it stops at once, as a killed run does (each window is committed whole).
process.once('disconnect', () => process.exit(2));

process.once('message', async (task: RoundTask) => {
  let code = 0;
  try {
    const builder = await DatasetBuilder.open(task.out, { fresh: task.fresh });
    try {
      // progress at most every 100 ms, and where the round ended: the parent draws it
      let last = 0;
      let latest: [number, number, string] | null = null;
      const onFile = process.env.XXGK_ROUND_PROGRESS
        ? (done: number, total: number, path: string) => {
            latest = [done, total, path];
            const now = performance.now();
            if (now - last > 100 && process.connected) {
              last = now;
              latest = null;
              process.send!({ file: [done, total, path] } satisfies RoundMessage);
            }
          }
        : undefined;
      const result = await readRound(task.paths, builder, { ...task.opts, onFile }, { after: task.after, seen: new Set(task.seen) }, task.maxFiles, task.progress);
      if (latest) await say({ file: latest });
      await builder.traceMemory('round');
      builder.close();
      await say({ result: { ...result, peakRss: maxRss() } });
    } catch (e) {
      builder.close();
      throw e;
    }
  } catch (e) {
    code = 1;
    await say(e instanceof UserError ? { error: e.message, exitCode: e.exitCode } : { error: (e as Error).stack ?? String(e) });
  }
  process.exit(code);
});
