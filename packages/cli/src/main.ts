export interface Io {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: { write(chunk: string): unknown };
  readonly stderr: { write(chunk: string): unknown };
}

/** Runs the CLI with the given arguments and returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  if (argv[0] === '--version') {
    const { cliVersion } = await import('./version.js');
    io.stdout.write(cliVersion() + '\n');
    return 0;
  }
  io.stderr.write('usage: msp <command> [options]\n');
  return argv.length === 0 || argv[0] === '--help' ? 0 : 2;
}
