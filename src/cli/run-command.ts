// Runs a command's main function: a ConfigError or FactsFileError prints its message (no stack) and exits non-zero.
import { ConfigError } from '../config';
import { FactsFileError } from '../ingest/validate';

export function runCommand(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError || error instanceof FactsFileError) {
      console.error(error.message);
      process.exit(2);
    }
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
