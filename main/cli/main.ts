/**
 * The command line's entry point in the built bundle (out/cli/roundtable.cjs, built by scripts/build-cli.cjs
 * and started by scripts/cli.cjs, which `npm run cli` runs). Tests call runCli in-process instead.
 */
import { runCli } from './index';

void runCli(process.argv.slice(2), {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  env: process.env,
  // npm runs scripts in the package folder; INIT_CWD is where the person typed the command
  cwd: process.env.INIT_CWD ?? process.cwd(),
}).then((code) => {
  process.exitCode = code;
});
