import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { processTree, pssOf, subtree } from '../../scripts/lib/tree-memory.ts';

describe('subtree', () => {
  it('finds every descendant, at any depth, and nothing beside them', () => {
    // 1 ─ 10 ─ 11 ─ 12, 10 ─ 13; 1 ─ 20 (a sibling of the tree asked for)
    const parentOf = new Map([[10, 1], [11, 10], [12, 11], [13, 10], [20, 1]]);
    expect(subtree(10, parentOf).sort((a, b) => a - b)).toEqual([10, 11, 12, 13]);
    expect(subtree(12, parentOf)).toEqual([12]);
  });

  it('gives the root alone when it is not running, and stops on a loop', () => {
    expect(subtree(99, new Map([[10, 1]]))).toEqual([99]);
    expect(subtree(5, new Map([[5, 6], [6, 5]])).sort()).toEqual([5, 6]);
  });
});

describe('processTree and pssOf', () => {
  it.runIf(process.platform === 'linux')('counts a child and its grandchild with the process that started them', async () => {
    // a shell that starts a sleeping grandchild and waits for it
    const child = spawn('sh', ['-c', 'sleep 30 & wait'], { stdio: 'ignore', detached: true });
    try {
      let tree: number[] = [];
      for (let i = 0; i < 50 && tree.length < 3; i++) {
        await new Promise((done) => setTimeout(done, 20));
        tree = processTree(process.pid);
      }
      expect(tree).toContain(child.pid);
      expect(tree.length).toBeGreaterThanOrEqual(3);
      expect(pssOf(tree)).toBeGreaterThan(pssOf([process.pid]));
      expect(pssOf([child.pid!])).toBeGreaterThan(0);
    } finally {
      process.kill(-child.pid!, 'SIGKILL');
    }
  });
});
