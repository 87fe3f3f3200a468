import { authenticate, hashKey, newApiKey, parseApiKeys, presentedKey } from '../../src/auth/api-keys';
import { ConfigError, loadConfig } from '../../src/config';

describe('API keys', () => {
  const editor = newApiKey('alice', 'editor');
  const reader = newApiKey('bob', 'reader');
  const keys = parseApiKeys(`${editor.entry}\n# a comment\n${reader.entry}`, 'test');

  it('stores only the hash of a key', () => {
    expect(editor.entry).not.toContain(editor.key);
    expect(editor.entry).toBe(`alice:editor:sha256:${hashKey(editor.key)}`);
  });

  it('authenticates by key, and only by the right key', () => {
    expect(authenticate(keys, editor.key)).toEqual({ name: 'alice', role: 'editor' });
    expect(authenticate(keys, reader.key)).toEqual({ name: 'bob', role: 'reader' });
    expect(authenticate(keys, `${editor.key}x`)).toBeNull();
    expect(authenticate(keys, undefined)).toBeNull();
    expect(authenticate([], editor.key)).toBeNull();
  });

  it('reads the key from Authorization: Bearer or X-API-Key', () => {
    expect(presentedKey({ authorization: 'Bearer abc' })).toBe('abc');
    expect(presentedKey({ authorization: 'bearer   abc ' })).toBe('abc');
    expect(presentedKey({ 'x-api-key': 'k1' })).toBe('k1');
    expect(presentedKey({ authorization: 'Basic abc' })).toBeUndefined();
  });

  it('rejects a malformed entry, and config names the variable', () => {
    expect(() => parseApiKeys('alice:admin:sha256:00', 'API_KEYS')).toThrow(/entry 1/);
    expect(() => loadConfig({ API_KEYS: 'alice:editor:plaintext' })).toThrow(ConfigError);
    expect(() => loadConfig({ API_KEYS: 'alice:editor:plaintext' })).toThrow(/^Invalid API_KEYS=/);
    expect(() => loadConfig({ API_KEYS_FILE: '/nonexistent/keys' })).toThrow(/^Invalid API_KEYS_FILE=/);
    expect(loadConfig({ API_KEYS: editor.entry }).apiKeys).toEqual([{ name: 'alice', role: 'editor', sha256: hashKey(editor.key) }]);
  });
});
