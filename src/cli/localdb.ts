// `npm run db:fetch|db:start|db:stop|db:status`: manage the local Neo4j by hand.
import { ConfigError, loadConfig } from '../config';
import { ensureLocalNeo4jInstalled } from '../localdb/fetch';
import { portOpen, runningPid, startLocalNeo4j, stopLocalNeo4j } from '../localdb/server';

async function main(command: string | undefined): Promise<void> {
  const config = loadConfig();
  const { port, heap, pageCacheMb } = config.localNeo4j;
  switch (command) {
    case 'fetch':
      ensureLocalNeo4jInstalled(console.log);
      console.log('Neo4j jars and launcher are in place.');
      return;
    case 'start': {
      ensureLocalNeo4jInstalled(console.log);
      const { started, pid } = await startLocalNeo4j({ port, heap, pageCacheMb });
      console.log(started ? `Local Neo4j started (pid ${pid}) on bolt://127.0.0.1:${port}` : `A Neo4j already answers on port ${port}; reusing it.`);
      return;
    }
    case 'stop':
      console.log((await stopLocalNeo4j()) ? 'Local Neo4j stopped.' : 'No local Neo4j was running from this folder.');
      return;
    case 'status': {
      const pid = runningPid();
      const open = await portOpen(port);
      console.log(`pid: ${pid ?? 'none'}; bolt://127.0.0.1:${port}: ${open ? 'answering' : 'not answering'}`);
      process.exitCode = open ? 0 : 1;
      return;
    }
    default:
      throw new Error('usage: cli.js fetch|start|stop|status');
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error));
  process.exit(error instanceof ConfigError ? 2 : 1);
});
