// Entry point of `npm start`: configuration → database (the local Neo4j when NEO4J_URI is unset)
// → migrations → seeds → the connection search planned ahead → listen. SIGTERM/SIGINT drain HTTP,
// close the driver and exit 0.
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './bootstrap';
import { createLogger } from './log';
import { buildServer } from './server/app';
import { keepPlanned, warmUp } from './graphql/warm-up';
import { loadSeeds } from './ingest/seeds';
import { loadDefaultData } from './import/defaults';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config);
  const db = await openDatabase(config, log);
  if (config.loadSeeds) {
    const summary = await loadSeeds(db, log);
    log.info({ seeds: summary }, 'seeds loaded');
    if (config.loadWikipedia) {
      const wiki = await loadDefaultData(db, config.dataDir, log, {
        onProgress: ({ done, total }) => {
          if (done > 0 && done % 200 === 0) log.info(`Wikipedia officials: ${done}/${total} records`);
        },
      });
      if (wiki) log.info({ wikipedia: { ...wiki, invalid: wiki.invalid.length, merged: wiki.merged.length } }, 'Wikipedia officials loaded');
    }
  }

  await warmUp(db, log);
  const stopPlanning = keepPlanned(db, log, config.searchReplanCheckMs);
  const server = await buildServer({ config, db, log });
  await new Promise<void>((resolve, reject) => {
    server.httpServer.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`PORT ${config.port} on ${config.host} is already in use: stop what listens there or set PORT`) : error),
    );
    server.httpServer.listen(config.port, config.host, resolve);
  });
  log.info(`officials-graph listening on http://${config.host}:${config.port}/graphql`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    stopPlanning();
    try {
      await server.stop();
      log.debug('http drained, apollo stopped');
      await db.close();
      log.info('stopped');
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
