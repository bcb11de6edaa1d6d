import { parseArgs, type ParseArgsConfig } from "node:util";

type Parsed<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>;

/** Why node:util's parseArgs refused the command line, in an operator's words; undefined for anything else. */
export function explainArgsError(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : "";
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? "";
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `Unknown option ${quoted}.`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE": {
      // Node says either "Option '--x <value>' argument missing" or "Option '--x' does not take an argument".
      const option = quoted.split(" ")[0];
      return message.includes("missing") ? `Option ${option} needs a value.` : `Option ${option} takes no value.`;
    }
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `Unexpected argument "${quoted}".`;
    default:
      return undefined;
  }
}

/**
 * parseArgs for our scripts: `--help` (or `-h`) prints the usage and exits 0; a command line
 * parseArgs refuses prints one plain sentence and the usage on stderr and exits 2 (not a stack trace).
 */
export function parseCommandLine<T extends ParseArgsConfig>(config: T, usage: string): Parsed<T> {
  const argv = config.args ?? process.argv.slice(2);
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(usage.trimEnd() + "\n");
    process.exit(0);
  }
  try {
    return parseArgs(config);
  } catch (error) {
    const explained = explainArgsError(error);
    if (!explained) throw error;
    process.stderr.write(`${explained}\n\n${usage.trimEnd()}\n`);
    process.exit(2);
  }
}
