// `npm run eval:extract [-- --mistakes]`: the extractor's precision and recall per kind of fact on
// the hand-checked articles of test/fixtures/extract/, tuned and held-out apart (docs/extract.md).
import { evaluate, formatEvaluation } from '../extract/evaluate';
import { runCommand } from './run-command';

runCommand(async () => {
  const ev = evaluate();
  console.log(formatEvaluation(ev));
  // the held-out articles' mistakes are not printed unless asked for: they are the final check, not tuning material
  const shown = ev.mistakes.filter((m) => process.argv.includes('--held-out-mistakes') || !m.startsWith('[held out]'));
  if (process.argv.includes('--mistakes') || process.argv.includes('--held-out-mistakes')) console.log(`\n${shown.join('\n')}`);
});
