// What an import reports, whatever the format: per type created / updated / unchanged, records left
// out and why, records invalid with their problems, how people were matched.
import type { Problem } from '../ingest/validate';

export interface Progress {
  done: number;
  total: number;
  /** What the current step is (reading, writing). */
  phase: string;
}

export interface ImportSummary {
  format: string;
  file: string;
  records: number;
  /** Records written (new or changed), unchanged (already loaded), left out (with reasons), invalid (with problems). */
  written: number;
  unchanged: number;
  skipped: Record<string, number>;
  invalid: Array<{ record: string; problems: Problem[] }>;
  /** Per model type: created (new nodes), updated (existing nodes written again), unchanged (in records loaded before). */
  byType: Record<string, { created: number; updated: number; unchanged: number }>;
  /** Posts whose organisation names no one body, and term dates that could not be read. */
  unresolvedPosts: number;
  undatedTerms: number;
  /** How people were matched to the graph (same-source, identifier, name-and-tie, new, new-namesake). */
  resolutions: Record<string, number>;
  /** People matched to someone already in the graph by name and a shared post (another source's person). */
  merged: Array<{ record: string; id: string }>;
  seconds: number;
  /** Dataset formats: the one Source the file became, its records the model has no type for, facts it no longer states. */
  sourceId?: string;
  foreignRecords?: number;
  retractedFacts?: number;
  /** A large file written in parts: each part's source and whether it was written (false: already loaded, e.g. on a re-run). */
  parts?: Array<{ sourceId: string; changed: boolean }>;
}

export interface ImportOptions {
  actor: string;
  onProgress?: (p: Progress) => void;
}
