// A sidebar pane listing the example queries (src/ui/graphiql/examples.ts): a click opens the
// example in its own tab, or switches to that tab when it is already open.
import type { GraphiQLPlugin } from '@graphiql/react';
import { useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import { EXAMPLES, exampleVariables, type GraphiqlExample } from './examples';

function ExamplesIcon() {
  return (
    <svg height="1em" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <path d="M4 5.5A1.5 1.5 0 0 1 5.5 4H19v14H5.5A1.5 1.5 0 0 0 4 19.5v-14Z" />
      <path d="M4 19.5A1.5 1.5 0 0 0 5.5 21H19v-3" />
      <path d="M8 8h7M8 11h5" strokeLinecap="round" />
    </svg>
  );
}

function ExamplesPane() {
  const tabs = useGraphiQL((state) => state.tabs);
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);
  const { addTab, changeTab } = useGraphiQLActions();

  const open = (example: GraphiqlExample) => {
    const index = tabs.findIndex((tab) => tab.query === example.query);
    if (index >= 0) {
      changeTab(index);
      return;
    }
    addTab();
    queryEditor?.setValue(example.query);
    variableEditor?.setValue(exampleVariables(example) ?? '');
  };

  return (
    <section className="og-examples" aria-label="Example queries">
      <div className="graphiql-doc-explorer-title">Examples</div>
      <p className="og-examples-intro">Questions the graph answers. Each opens in its own tab; press ▶ (Ctrl/⌘ + Enter) to run it.</p>
      <ul>
        {EXAMPLES.map((example) => (
          <li key={example.title}>
            <button type="button" onClick={() => open(example)}>
              <span className="og-example-title">{example.title}</span>
              <span className="og-example-question">{example.question}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export const examplesPlugin: GraphiQLPlugin = {
  title: 'Examples',
  icon: ExamplesIcon,
  content: ExamplesPane,
};
