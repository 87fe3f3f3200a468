// Mutations: writes for callers with an editor API key. Thin: the ingestion pipeline and
// src/graph/merge.ts do the work; every write is recorded with the caller's key name.
import { extractArticle, toYaml } from '../../extract/output';
import { resolveAgainstGraph } from '../../extract/resolve';
import { mergeEntities, unmerge } from '../../graph/merge';
import { ingestPlan, planFromText } from '../../ingest/ingest';
import { FactsFileError } from '../../ingest/validate';
import { DatasetFormat, importDataset } from '../../import/dataset-run';
import { isPartialDate } from '../../model/dates';
import { AppError, ErrorCode } from '../../errors';
import type { Context } from '../context';

const MAX_FACTS_BYTES = 2_000_000;
/** An article, not a book: the rule grammar reads every token against the vocabulary. */
const MAX_ARTICLE_CHARS = 60_000;
const FACT_SECTIONS = ['occupancies', 'rankHoldings', 'participations', 'conferrals', 'subordinations'] as const;

interface ExtractArgs {
  text: string;
  title?: string | null;
  published?: string | null;
  publisher?: string | null;
  url?: string | null;
  ingest?: boolean | null;
}

/** The caller's name, when the request carries an editor key; otherwise an error and nothing written. */
function editor(ctx: Context): string {
  if (!ctx.caller) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Writes need an API key: send "Authorization: Bearer <key>".');
  if (ctx.caller.role !== 'editor') throw new AppError(ErrorCode.FORBIDDEN, `The key "${ctx.caller.name}" may not write (it needs the editor role).`);
  return `api:${ctx.caller.name}`;
}

export const mutationResolvers = {
  Mutation: {
    ingestFacts: async (_: unknown, args: { facts: string; sourceText: string }, ctx: Context) => {
      const actor = editor(ctx);
      if (args.facts.length + args.sourceText.length > MAX_FACTS_BYTES) {
        throw new AppError(ErrorCode.BAD_USER_INPUT, `facts and sourceText together may have at most ${MAX_FACTS_BYTES} characters`);
      }
      try {
        const { digest, plan } = planFromText(args.facts, '(facts)', () => args.sourceText);
        const summary = await ingestPlan(ctx.db, plan, digest, { actor });
        ctx.log.info({ actor, sourceId: summary.sourceId, changed: summary.changed, facts: summary.facts }, 'facts ingested');
        return summary;
      } catch (error) {
        if (error instanceof FactsFileError) {
          throw new AppError(ErrorCode.BAD_USER_INPUT, error.message, { problems: error.problems });
        }
        throw error;
      }
    },
    extractFacts: async (_: unknown, args: ExtractArgs, ctx: Context) => {
      const actor = editor(ctx);
      if (args.text.length > MAX_ARTICLE_CHARS) throw new AppError(ErrorCode.BAD_USER_INPUT, `text may have at most ${MAX_ARTICLE_CHARS} characters`);
      if (args.published && !(args.published.length === 10 && isPartialDate(args.published)))
        throw new AppError(ErrorCode.BAD_USER_INPUT, 'published must be a day (YYYY-MM-DD)');
      const options = { title: args.title, published: args.published, publisher: args.publisher, url: args.url, textFile: 'article.txt' };
      const { facts } = extractArticle(args.text, options);
      try {
        const resolutions = await resolveAgainstGraph(ctx.db, toYaml(facts, null), args.text);
        const yaml = toYaml(facts, resolutions);
        let ingested = null;
        if (args.ingest) {
          const { digest, plan } = planFromText(yaml, '(extracted facts)', () => args.text);
          ingested = await ingestPlan(ctx.db, plan, digest, { actor });
          ctx.log.info({ actor, sourceId: ingested.sourceId, changed: ingested.changed, facts: ingested.facts }, 'extracted facts ingested');
        }
        return { facts: yaml, persons: facts.persons.length, factCount: FACT_SECTIONS.reduce((n, s) => n + facts[s].length, 0), resolutions, ingested };
      } catch (error) {
        if (error instanceof FactsFileError)
          throw new AppError(ErrorCode.BAD_USER_INPUT, `The extraction is not a valid facts file: ${error.message}`, { problems: error.problems });
        throw error;
      }
    },
    importDataset: async (
      _: unknown,
      args: { format: string; content: string; dataset: string; mapping?: string | null; language?: string | null },
      ctx: Context,
    ) => {
      const actor = editor(ctx);
      const format = args.format.toLowerCase() as DatasetFormat;
      if (!/^[a-z0-9][a-z0-9-]{0,80}$/.test(args.dataset))
        throw new AppError(ErrorCode.BAD_USER_INPUT, 'dataset: expected lower-case a-z, 0-9 and "-" (at most 81)');
      const s = await importDataset(ctx.db, format, args.content, `${args.dataset}.${format}`, {
        actor,
        dataset: args.dataset,
        mapping: args.mapping ?? undefined,
        language: args.language ?? undefined,
      });
      ctx.log.info({ actor, sourceId: s.sourceId, changed: s.written > 0 }, 'dataset imported');
      return {
        sourceId: s.sourceId,
        changed: s.written > 0,
        records: s.records,
        byType: Object.entries(s.byType)
          .filter(([, c]) => c.created + c.updated + c.unchanged > 0)
          .map(([type, c]) => ({ type, ...c })),
        foreignRecords: s.foreignRecords ?? 0,
        retractedFacts: s.retractedFacts ?? 0,
        resolutions: Object.entries(s.resolutions).map(([reason, count]) => ({ reason, count })),
      };
    },
    mergeEntities: async (_: unknown, args: { from: string; into: string }, ctx: Context) => {
      const actor = editor(ctx);
      const result = await ctx.db.write((tx) => mergeEntities(tx, args.from, args.into, actor));
      ctx.log.info({ actor, ...result }, 'entities merged');
      return result;
    },
    undoMerge: async (_: unknown, args: { mergeId: string }, ctx: Context) => {
      const actor = editor(ctx);
      const result = await ctx.db.write((tx) => unmerge(tx, args.mergeId));
      ctx.log.info({ actor, ...result }, 'merge undone');
      return result;
    },
  },
};
