// The GraphiQL page's script, bundled by src/ui/build.ts into dist/ui/assets/ and served by
// src/server/graphiql.ts. Everything it needs is in the bundle: no CDN. The page tells it (data-*
// attributes on #graphiql) where the API is and where Monaco's web workers were built.
import 'graphiql/style.css';
import './style.css';
import { createRoot } from 'react-dom/client';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { DEFAULT_EXAMPLE, EXAMPLES, exampleVariables } from './examples';
import { examplesPlugin } from './examples-plugin';

type Fetcher = GraphiQLProps['fetcher'];

interface PageConfig {
  endpoint: string;
  workers: { editor: string; json: string; graphql: string };
}

function readConfig(root: HTMLElement): PageConfig {
  const { endpoint, editorWorker, jsonWorker, graphqlWorker } = root.dataset;
  if (!endpoint || !editorWorker || !jsonWorker || !graphqlWorker) {
    throw new Error('The GraphiQL page lacks its data-endpoint / data-*-worker attributes.');
  }
  return { endpoint, workers: { editor: editorWorker, json: jsonWorker, graphql: graphqlWorker } };
}

/** Monaco asks for a worker per language; ours are same-origin files built next to this bundle. */
function setUpWorkers(workers: PageConfig['workers']): void {
  (globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
    getWorker(_workerId: string, label: string): Worker {
      switch (label) {
        case 'json':
          return new Worker(workers.json, { name: 'json' });
        case 'graphql':
          return new Worker(workers.graphql, { name: 'graphql' });
        default:
          return new Worker(workers.editor, { name: 'editor' });
      }
    },
  };
}

/** POSTs the operation as JSON; the headers editor's headers are sent too. */
function createFetcher(endpoint: string): Fetcher {
  return async (params, options) => {
    const res = await fetch(endpoint, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/graphql-response+json, application/json',
        'content-type': 'application/json',
        ...(options?.headers as Record<string, string> | undefined),
      },
      body: JSON.stringify(params),
    });
    const text = await res.text();
    try {
      return JSON.parse(text);
    } catch {
      return { errors: [{ message: `HTTP ${res.status} ${res.statusText}: ${text.slice(0, 500)}` }] };
    }
  };
}

/** True when GraphiQL kept tabs from an earlier visit (it then restores them, not the examples). */
function hasStoredTabs(): boolean {
  try {
    return localStorage.getItem('graphiql:tabState') !== null;
  } catch {
    return false;
  }
}

const root = document.getElementById('graphiql');
if (!root) throw new Error('The GraphiQL page has no #graphiql element.');
const config = readConfig(root);
setUpWorkers(config.workers);

createRoot(root).render(
  <GraphiQL
    fetcher={createFetcher(config.endpoint)}
    defaultTabs={EXAMPLES.map((example) => ({ query: example.query, variables: exampleVariables(example) }))}
    // GraphiQL fills the first tab's query from defaultTabs but not its variables.
    initialVariables={hasStoredTabs() ? undefined : (exampleVariables(DEFAULT_EXAMPLE) ?? undefined)}
    defaultEditorToolsVisibility="variables"
    plugins={[examplesPlugin]}
  >
    <GraphiQL.Logo>
      <span className="og-logo">
        officials-graph <small>GraphiQL</small>
      </span>
    </GraphiQL.Logo>
  </GraphiQL>,
);
