// API keys for writes. Keys are random tokens; only their SHA-256 is stored (a key has 256 bits of
// entropy, so a fast hash is enough — no salt or scrypt needed as for passwords). Presented keys
// are compared with every stored hash in constant time.
import crypto from 'node:crypto';

export type Role = 'editor' | 'reader';

export interface ApiKeyEntry {
  name: string;
  role: Role;
  /** SHA-256 of the key, hex. */
  sha256: string;
}

export interface Caller {
  name: string;
  role: Role;
}

/** Parses "name:role:sha256:<hex>" entries separated by commas or new lines ('#' starts a comment). */
export function parseApiKeys(text: string, where: string): ApiKeyEntry[] {
  return text
    .split(/[,\n]/)
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean)
    .map((entry, i) => {
      const m = /^([\w.@-]{1,64}):(editor|reader):sha256:([0-9a-f]{64})$/.exec(entry);
      if (!m) throw new Error(`${where}: entry ${i + 1} must look like name:editor:sha256:<64 hex digits>`);
      return { name: m[1]!, role: m[2] as Role, sha256: m[3]! };
    });
}

export function hashKey(key: string): string {
  return crypto.createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A new random key and the entry that stores its hash. */
export function newApiKey(name: string, role: Role = 'editor'): { key: string; entry: string } {
  const key = `og_${crypto.randomBytes(32).toString('base64url')}`;
  return { key, entry: `${name}:${role}:sha256:${hashKey(key)}` };
}

/** The caller a presented key belongs to, or null. Compares with every entry, in constant time each. */
export function authenticate(keys: ApiKeyEntry[], presented: string | undefined): Caller | null {
  if (!presented) return null;
  const digest = Buffer.from(hashKey(presented), 'hex');
  let found: ApiKeyEntry | null = null;
  for (const entry of keys) {
    if (crypto.timingSafeEqual(digest, Buffer.from(entry.sha256, 'hex')) && !found) found = entry;
  }
  return found ? { name: found.name, role: found.role } : null;
}

/** The key from "Authorization: Bearer <key>" or "X-API-Key: <key>". */
export function presentedKey(headers: Record<string, string | string[] | undefined>): string | undefined {
  const auth = headers.authorization;
  if (typeof auth === 'string') {
    const m = /^Bearer\s+(\S+)$/i.exec(auth.trim());
    if (m) return m[1];
  }
  const apiKey = headers['x-api-key'];
  return typeof apiKey === 'string' && apiKey.trim() ? apiKey.trim() : undefined;
}
