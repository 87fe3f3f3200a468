// `npm run -s extract -- ARTICLE.txt [--title T] [--published YYYY-MM-DD] [--publisher P] [--url U]
// [--out FILE] [--offline]`: prints the article's candidate facts as a facts file (docs/extract.md)
// that `npm run ingest` accepts unchanged. Unless --offline, the people are resolved against the
// graph (read only) by the rules of ingest, and the header says whom it linked and why.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../bootstrap';
import { loadConfig } from '../config';
import { AppError, ErrorCode } from '../errors';
import { extractArticle, toYaml } from '../extract/output';
import { resolveAgainstGraph } from '../extract/resolve';
import { planFromText } from '../ingest/ingest';
import { createLogger } from '../log';
import { isPartialDate } from '../model/dates';
import { runCommand } from './run-command';

const USAGE = 'usage: npm run -s extract -- ARTICLE.txt [--title T] [--published YYYY-MM-DD] [--publisher P] [--url U] [--out FILE] [--offline]';

runCommand(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      title: { type: 'string' },
      published: { type: 'string' },
      publisher: { type: 'string' },
      url: { type: 'string' },
      out: { type: 'string' },
      offline: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new AppError(ErrorCode.BAD_USER_INPUT, USAGE);
  const article = path.resolve(positionals[0]!);
  if (values.published !== undefined && !(isPartialDate(values.published) && values.published.length === 10))
    throw new AppError(ErrorCode.BAD_USER_INPUT, `--published ${values.published}: expected a day, YYYY-MM-DD`);
  let text: string;
  try {
    text = fs.readFileSync(article, 'utf8');
  } catch (error) {
    throw new AppError(ErrorCode.NOT_FOUND, `cannot read the article ${positionals[0]}: ${(error as Error).message}`);
  }
  // The facts file finds its article relative to itself (--out), else by absolute path (stdout may go anywhere).
  const textFile = values.out ? path.relative(path.dirname(path.resolve(values.out)), article) : article;
  const { facts } = extractArticle(text, { title: values.title, published: values.published, publisher: values.publisher, url: values.url, textFile });
  let yaml = toYaml(facts, null);
  // The same check as ingest (quotes verbatim, references, ids): a failure here is the extractor's bug.
  planFromText(yaml, values.out ?? '(extracted facts)', () => text);
  if (!values.offline) {
    const config = loadConfig();
    const db = await openDatabase(config, createLogger(config));
    try {
      yaml = toYaml(facts, await resolveAgainstGraph(db, yaml, text));
    } finally {
      await db.close();
    }
  }
  if (values.out) fs.writeFileSync(values.out, yaml);
  else process.stdout.write(yaml);
});
