/**
 * The command line's entry point in the built bundle (out/cli/roundtable.cjs, built by scripts/build-cli.cjs
 * and started by scripts/cli.cjs, which `npm run cli` runs). Tests call runCli in-process instead.
 */
import { runAsProgram } from './index';

runAsProgram();
