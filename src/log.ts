// Structured JSON logs (one line per event), shared by the server, ingestion and commands.
import pino, { Logger } from 'pino';
import type { Config } from './config';

export type { Logger };

/** The process logger; request loggers are its children with a requestId. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({ level: config.logLevel, base: { service: 'officials-graph' }, timestamp: pino.stdTimeFunctions.isoTime });
}
