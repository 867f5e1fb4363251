/** Runs the command line in-process, as `npm run cli -- …` would, and captures what it prints. */
import { runCli } from '../../main/cli/index';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runCliCaptured(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s), env: options.env ?? {}, cwd: options.cwd ?? process.cwd() });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
