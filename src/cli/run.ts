/**
 * The CLI in-process: `run(argv, io)` dispatches to a command and returns the exit code, with
 * every expected failure printed as one line. `main.ts` is only the executable around it.
 */
import { closest, helpHint, wantsHelp, type Command } from './command.js';
import { check } from './commands/check.js';
import { diff } from './commands/diff.js';
import { init } from './commands/init.js';
import { inspect } from './commands/inspect.js';
import { keygen } from './commands/keygen.js';
import { keys } from './commands/keys.js';
import { migrate } from './commands/migrate.js';
import { pin } from './commands/pin.js';
import { preview } from './commands/preview.js';
import { publish } from './commands/publish.js';
import { sign } from './commands/sign.js';
import { validate } from './commands/validate.js';
import { verify } from './commands/verify.js';
import { EXIT_OK, EXIT_USAGE, UsageError, reportError } from './errors.js';
import { defaultIo, printer, PROGRAM, type Io } from './output.js';
import { version } from './version.js';

export type { Io, Output } from './output.js';
export { version };

export const COMMANDS: readonly Command[] = [
  init,
  keygen,
  keys,
  validate,
  migrate,
  preview,
  sign,
  verify,
  inspect,
  diff,
  publish,
  check,
  pin,
];

export function mainUsage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Usage: ${PROGRAM} <command> [options]

Publish your security & privacy posture as one signed document, for the trust-elements
web components to show, verified, on any page.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Options:
  -h, --help     show this help; '${PROGRAM} <command> --help' for a command
  --version      print the version

A release, start to finish:
  ${PROGRAM} init                          # once: a starter posture.json to edit
  ${PROGRAM} keygen                        # once: trust-elements.key.json + jwks.json
  ${PROGRAM} validate posture.json
  ${PROGRAM} sign posture.json --key trust-elements.key.json --valid-for 90d --out posture.signed.json
  ${PROGRAM} publish public --document posture.signed.json --jwks jwks.json
  ${PROGRAM} verify https://example.com/.well-known/trust-elements/posture.json

Exit status: 0 success, 1 failure (invalid, not verified, I/O error), 2 wrong usage.
Colours only on a terminal, and never when NO_COLOR is set.`;
}

/** Runs the CLI with `argv` (without node and the script); returns the exit code. */
export async function run(argv: readonly string[], io: Partial<Io> = {}): Promise<number> {
  const full = defaultIo(io);
  const p = printer(full);
  try {
    const [first, ...rest] = argv;
    if (first === undefined) {
      p.lines(mainUsage(), 'err');
      return EXIT_USAGE;
    }
    if (first === '-h' || first === '--help') {
      p.lines(mainUsage());
      return EXIT_OK;
    }
    if (first === '--version' || first === '-V') {
      p.out(version());
      return EXIT_OK;
    }
    if (first === 'help') {
      const command = rest[0] === undefined ? undefined : findCommand(rest[0]);
      p.lines(command ? command.usage : mainUsage());
      return EXIT_OK;
    }
    if (first.startsWith('-')) throw new UsageError(`unknown option ${first}: options go after the command`, helpHint());
    const command = findCommand(first);
    if (wantsHelp(rest)) {
      p.lines(command.usage);
      return EXIT_OK;
    }
    return await command.run([...rest], { io: full, p });
  } catch (error) {
    return reportError(p, error);
  }
}

function findCommand(name: string): Command {
  const command = COMMANDS.find((c) => c.name === name);
  if (command) return command;
  const suggestion = closest(
    name,
    COMMANDS.map((c) => c.name),
  );
  throw new UsageError(`unknown command '${name}'${suggestion ? `; did you mean '${suggestion}'?` : ''}`, helpHint());
}
