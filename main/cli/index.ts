/**
 * Roundtable's command line: the same services as the desktop app, without a window.
 *   npm run cli -- <command> [options]
 * Exit codes: 0 success; 1 usage or user error (message on stderr); 2 input rejected.
 */
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors';
import { CliError, COMMON_OPTIONS, EXIT, type CliIo, type Command, type Values } from './common';
import { carePlanCommands } from './commands/carePlans';
import { demoCommand } from './commands/demo';
import { homesCommand, residentsCommand } from './commands/register';
import { importRecordsCommand } from './commands/imports';
import { FLAG_COMMANDS } from './commands/flags';
import { reviewsDueCommand } from './commands/reviews';
import { agendaCommand, planCommand, roundsCommand, tasksCommand } from './commands/rounds';
import { backupCommand, reportCommand, restoreCommand } from './commands/reports';
import { flagSheetCommand, inviteCommand, practiceCommand } from './commands/week';
import { copyCommand } from './commands/copy';

export { CliError, type CliIo } from './common';

/** Every command, in the order the help lists them. */
const COMMANDS: Command[] = [demoCommand, homesCommand, residentsCommand, importRecordsCommand, ...FLAG_COMMANDS, reviewsDueCommand,
  ...carePlanCommands, practiceCommand, planCommand, tasksCommand, inviteCommand, agendaCommand, roundsCommand, flagSheetCommand, reportCommand, backupCommand,
  restoreCommand, copyCommand];

export function usage(): string {
  return `Roundtable command line

Usage: npm run cli -- <command> [options]

Commands:
${COMMANDS.flatMap((c) => c.usage).map((line) => `  ${line}`).join('\n')}

Options for every command:
  --db FILE|URL      the database: a SQLite file, or a postgres:// URL for a shared one
                     (default: ROUNDTABLE_DB, else the desktop app's own file)
  --today YYYY-MM-DD fix today's date, for reproducible output
  --json             print JSON instead of a table
  --help             show this help

Exit codes: 0 success; 1 usage or user error; 2 input rejected.`;
}

/**
 * The command named by the leading words of argv: names may have more than one word ("import records",
 * "flags unmatched"), and the longest name that matches wins, so "flags" and "flags unmatched" can both exist.
 */
function findCommand(argv: string[]): Command | undefined {
  return COMMANDS
    .filter((c) => c.name.split(' ').every((word, i) => argv[i] === word))
    .sort((a, b) => b.name.split(' ').length - a.name.split(' ').length)[0];
}

/** Runs one command; returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    (name === undefined ? io.err : io.out)(usage());
    return name === undefined ? EXIT.userError : EXIT.ok;
  }
  const command = findCommand(argv);
  if (!command) {
    io.err(`Unknown command “${name}”.\n\n${usage()}`);
    return EXIT.userError;
  }
  const args = argv.slice(command.name.split(' ').length);
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args, options: { ...COMMON_OPTIONS, ...command.options }, allowPositionals: true, strict: true }));
  } catch (error) {
    io.err(`${(error as Error).message}\n\nUsage:\n${command.usage.map((l) => `  npm run cli -- ${l}`).join('\n')}`);
    return EXIT.userError;
  }
  if (values.help) {
    io.out(usage());
    return EXIT.ok;
  }
  try {
    return (await command.run(values, positionals, { ...io, command: command.name })) ?? EXIT.ok;
  } catch (error) {
    if (error instanceof CliError) {
      io.err(error.message);
      return error.exitCode;
    }
    if (error instanceof AppError) {
      io.err(error.message);
      return error.code === 'IMPORT_REJECTED' ? EXIT.inputRejected : EXIT.userError;
    }
    io.err(`Roundtable failed: ${(error as Error).message}`);
    return EXIT.userError;
  }
}

/** Runs the command line as this process: its arguments, its output streams, its exit code. */
export function runAsProgram(): void {
  void runCli(process.argv.slice(2), {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
    env: process.env,
    // npm runs scripts in the package folder; INIT_CWD is where the person typed the command
    cwd: process.env.INIT_CWD ?? process.cwd(),
  }).then((code) => {
    process.exitCode = code;
  });
}

// `tsx main/cli/index.ts …` still works (tests start it as a second process); the built CLI starts from main.ts
if (process.argv[1] !== undefined && /main[\\/]cli[\\/]index\.ts$/.test(process.argv[1])) runAsProgram();
