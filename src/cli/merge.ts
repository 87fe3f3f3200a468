// `npm run merge -- FROM_ID INTO_ID` merges two entities that are one (old id keeps resolving);
// `npm run merge -- --undo MERGE_ID` undoes a merge exactly.
import { loadConfig } from '../config';
import { openDatabase } from '../bootstrap';
import { mergeEntities, unmerge } from '../graph/merge';
import { createLogger } from '../log';
import { runCommand } from './run-command';

runCommand(async () => {
  const args = process.argv.slice(2);
  const undo = args[0] === '--undo';
  if ((undo && args.length !== 2) || (!undo && args.length !== 2)) throw new Error('usage: npm run merge -- FROM_ID INTO_ID | --undo MERGE_ID');
  const config = loadConfig();
  const db = await openDatabase(config, createLogger(config));
  try {
    const actor = `cli:${process.env.USER ?? 'unknown'}`;
    const result = await db.write((tx) => (undo ? unmerge(tx, args[1]!) : mergeEntities(tx, args[0]!, args[1]!, actor)), db.maintenanceTimeoutMs);
    console.log(JSON.stringify(result));
  } finally {
    await db.close();
  }
});
