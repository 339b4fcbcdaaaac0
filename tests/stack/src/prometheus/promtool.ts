import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../repo-root.js';

const run = promisify(execFile);

/** `promtool` from PATH (Debian's `prometheus` package installs it). */
export const PROMTOOL = process.env.PROMTOOL ?? 'promtool';

export interface PromtoolResult {
  readonly code: number;
  readonly output: string;
}

/** Runs promtool in the repository root; a failure is returned, not thrown. */
export async function promtool(
  args: readonly string[],
  input?: string,
): Promise<PromtoolResult> {
  const child = run(PROMTOOL, [...args], { cwd: REPO_ROOT });
  if (input !== undefined) child.child.stdin?.end(input);
  try {
    const { stdout, stderr } = await child;
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : -1,
      output: `${failed.stdout ?? ''}${failed.stderr ?? ''}`,
    };
  }
}
