// `npm run api-key -- NAME [editor|reader]`: makes a new API key. Prints the key (give it to its
// holder; it is not stored) and the entry to put in API_KEYS or API_KEYS_FILE (only its hash).
import { newApiKey, Role } from '../auth/api-keys';
import { runCommand } from './run-command';

runCommand(async () => {
  const [name, role = 'editor'] = process.argv.slice(2);
  if (!name || !/^[\w.@-]{1,64}$/.test(name) || !['editor', 'reader'].includes(role)) {
    throw new Error('usage: npm run api-key -- NAME [editor|reader]');
  }
  const { key, entry } = newApiKey(name, role as Role);
  console.log(`key (give to ${name}; not stored anywhere): ${key}`);
  console.log(`entry for API_KEYS / API_KEYS_FILE: ${entry}`);
});
