// The widget's routes over HTTP (no browser): its script at the stable URL, its reads — GET, cacheable
// (Cache-Control public + an ETag of the body, 304 when unchanged), readable from any origin without
// credentials, running only the widget's own documents — and the demo page. /graphql keeps Apollo's
// CSRF prevention: a GET there needs a header; the widget's route needs none.
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { CONFERENCE_ID } from './api-helpers';
import { useTestServer } from '../support/server';
import { DEMO_CAREER, DEMO_CONFERENCE, DEMO_CSP } from '../../src/server/widget-demo';
import { READ_MAX_AGE_SECONDS } from '../../src/server/widget';
import { widgetQueryUrl } from '../../src/widget/protocol';

const ROOT = path.resolve(__dirname, '../..');
const world = useTestServer();
const ORIGIN = 'https://news.example';

const read = (variables: Record<string, unknown>, headers: Record<string, string> = {}) =>
  fetch(widgetQueryUrl(world.server.url, 'WidgetNeighbourhood', variables), { headers: { origin: ORIGIN, ...headers } });

beforeAll(() => {
  execFileSync(process.execPath, [require.resolve('ts-node/dist/bin'), '--project', 'tsconfig.json', '--transpile-only', 'src/widget/build.ts'], {
    cwd: ROOT,
    stdio: 'pipe',
  });
}, 120_000);

describe('the widget read', () => {
  it('answers a plain cross-origin GET (no CSRF header) with a cacheable body any origin may read, never with credentials', async () => {
    const res = await read({ id: CONFERENCE_ID, depth: 1 });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe(`public, max-age=${READ_MAX_AGE_SECONDS}`);
    expect(res.headers.get('etag')).toMatch(/^W\/"[\w-]{27}"$/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('vary')).toContain('Accept-Encoding');
    const body = (await res.json()) as any;
    expect(body.errors).toBeUndefined();
    const n = body.data.neighbourhood;
    expect(n.root.id).toBe(CONFERENCE_ID);
    const flag = n.cytoscape.edges.find((e: any) => e.data.source === 'organization/bo-quoc-phong' && e.data.target === 'award/co-thi-dua-cua-chinh-phu');
    expect(flag.data).toMatchObject({ proposed: true, status: 'PROPOSED', label: 'được đề nghị tặng', labelEn: 'proposed for' });
    expect(flag.data.sources[0].quotes[0].length).toBeGreaterThan(0);
  });

  it('gives the same ETag to the same answer, and 304 with no body when the client holds it', async () => {
    const first = await read({ id: CONFERENCE_ID });
    const etag = first.headers.get('etag')!;
    expect((await read({ id: CONFERENCE_ID })).headers.get('etag')).toBe(etag);
    const again = await read({ id: CONFERENCE_ID }, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toBe(`public, max-age=${READ_MAX_AGE_SECONDS}`);
    // another question, another answer: the old tag does not match it
    expect((await read({ id: CONFERENCE_ID, perHop: 5 }, { 'if-none-match': etag })).status).toBe(200);
  });

  it('answers a repeated question from its own cache (with its Age), and asks the database again on a hard reload', async () => {
    const vars = { id: CONFERENCE_ID, depth: 1, perHop: 7 };
    const first = await read(vars);
    expect(first.headers.get('age')).toBeNull();
    const second = await read(vars);
    expect(Number(second.headers.get('age'))).toBeGreaterThanOrEqual(0);
    expect(await second.text()).toBe(await first.text());
    const reloaded = await read(vars, { 'cache-control': 'no-cache' });
    expect(reloaded.headers.get('age')).toBeNull();
    // computed again from the database, the same body has the same tag
    expect(reloaded.headers.get('etag')).toBe(first.headers.get('etag'));
  });

  it('gzips for clients that take it, under the same ETag', async () => {
    const url = widgetQueryUrl(world.server.url, 'WidgetNeighbourhood', { id: CONFERENCE_ID });
    const plain = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    const raw = await new Promise<{ encoding?: string; body: Buffer; etag?: string }>((resolve, reject) => {
      // fetch always decodes: read the bytes as sent with node:http
      http
        .get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks), etag: res.headers.etag }));
        })
        .on('error', reject);
    });
    expect(raw.encoding).toBe('gzip');
    expect(raw.etag).toBe(plain.headers.get('etag'));
    expect(zlib.gunzipSync(raw.body).toString('utf8')).toBe(await plain.text());
  });

  it('answers an unknown id with 404 NOT_FOUND, briefly cacheable', async () => {
    const res = await read({ id: 'person/nobody-at-all' });
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(body.errors[0].message).toContain('person/nobody-at-all');
  });

  it('refuses bad variables with 400 and a message that says what is wrong', async () => {
    const notJson = await fetch(`${world.server.url}/widget/v1/query/WidgetNeighbourhood?variables=%7Bid`);
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as any).errors[0].message).toMatch(/^variables: not JSON/);
    const missing = await read({ depth: 2 });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as any).errors[0].message).toContain('$id');
    const tooDeep = await read({ id: CONFERENCE_ID, depth: 9 });
    expect(tooDeep.status).toBe(400);
    expect(((await tooDeep.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it("runs only the widget's own documents: no query text, no other operation, no mutation, GET only", async () => {
    const mutation = 'mutation { mergeEntities(from: "person/a", into: "person/b") { id } }';
    const withText = await fetch(`${world.server.url}/widget/v1/query/WidgetNeighbourhood?query=${encodeURIComponent(mutation)}`);
    expect(withText.status).toBe(400);
    expect(((await withText.json()) as any).errors[0].message).toContain('takes no query text');
    const other = await fetch(`${world.server.url}/widget/v1/query/IngestFacts?variables=%7B%7D`);
    expect(other.status).toBe(404);
    expect(((await other.json()) as any).errors[0].message).toContain('WidgetNeighbourhood');
    const post = await fetch(`${world.server.url}/widget/v1/query/WidgetNeighbourhood`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: mutation }),
    });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, OPTIONS');
  });
});

describe('/graphql keeps CSRF prevention on', () => {
  it('refuses a GET without a preflight header, and answers one that has it', async () => {
    const url = `${world.server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`;
    const bare = await fetch(url, { headers: { accept: 'application/json' } });
    expect(bare.status).toBe(400);
    expect(await bare.text()).toContain('CSRF');
    const withHeader = await fetch(url, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(withHeader.status).toBe(200);
    expect(await withHeader.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('CORS on /graphql', () => {
  it('lets any origin send the preflight header a cross-origin GET needs, never with credentials', async () => {
    const res = await fetch(`${world.server.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'GET', 'access-control-request-headers': 'apollo-require-preflight' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('GET');
    expect(res.headers.get('access-control-allow-headers')).toContain('apollo-require-preflight');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('the widget script', () => {
  const SCRIPT = () => `${world.server.url}/widget/v1/officials-graph.js`;

  it('is served at its stable URL with a strong ETag, cacheable, from any origin', async () => {
    const res = await fetch(SCRIPT(), { headers: { origin: ORIGIN } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toMatch(/^public, max-age=3600/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const text = await res.text();
    expect(text).toContain('officials-graph');
    expect(text.length).toBeGreaterThan(100_000); // Cytoscape.js and the layout are bundled in
    const again = await fetch(SCRIPT(), { headers: { 'if-none-match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });
});

describe('the demo page', () => {
  it('embeds the seed conference and a person with a career, under a CSP without inline script', async () => {
    const res = await fetch(`${world.server.url}/widget/demo`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(DEMO_CSP);
    expect(DEMO_CSP).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('<script src="/widget/v1/officials-graph.js" defer></script>');
    expect(html).toContain(`entity="${DEMO_CONFERENCE}"`);
    expect(html).toContain(`entity="${DEMO_CAREER}"`);
    const { body } = await world.server.gql(`{ event(id: "${DEMO_CONFERENCE}") { id } }`);
    expect(body.data.event.id).toBe(DEMO_CONFERENCE); // the seed conference is there in every world
  });

  it('shows one entity full size for ?id= (where the widget links back), escaped', async () => {
    const html = await (await fetch(`${world.server.url}/widget/demo?id=${encodeURIComponent('person/"><script>x')}&lang=en`)).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('entity="person/&quot;&gt;&lt;script&gt;x"');
    expect(html).not.toContain('<script>x');
  });
});
