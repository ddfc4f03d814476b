/**
 * The `shenpi` command line. Each sub-command lives in its own module under `server/cli/commands/`
 * and exports `run(args: string[], io: CliIo): Promise<number>` returning the exit code.
 */
import type { CliIo } from './io.js';
import { processIo } from './io.js';

type CommandModule = { run(args: string[], io: CliIo): Promise<number>; summary: string };

/** Sub-commands, loaded on demand so that `shenpi lint` does not load the database driver. */
const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  lint: () => import('./commands/lint.js'),
  decide: () => import('./commands/decide.js'),
  rules: () => import('./commands/rules.js'),
  workdays: () => import('./commands/workdays.js'),
  backup: () => import('./commands/backup.js'),
  deploy: () => import('./commands/deploy.js'),
  audit: () => import('./commands/audit.js'),
  calendar: () => import('./commands/calendar.js'),
};

async function usage(io: CliIo): Promise<void> {
  io.out('Usage: shenpi <command> [options]\n\nCommands:');
  for (const [name, load] of Object.entries(COMMANDS)) {
    try {
      io.out(`  ${name.padEnd(10)} ${(await load()).summary}`);
    } catch {
      // A command whose module is not present in this build is simply not listed.
    }
  }
}

/** Runs the command line and returns the process exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    await usage(io);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(`shenpi: unknown command '${name}'. Run 'shenpi --help' for the list.`);
    return 2;
  }
  return (await load()).run(rest, io);
}
