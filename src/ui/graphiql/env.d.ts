// Side-effect CSS imports: esbuild bundles them into the page's stylesheet.
declare module '*.css';
