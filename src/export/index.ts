// The exports: Popolo JSON and FtM JSON lines, for the CLI (`npm run export`) and the HTTP
// downloads (/export/popolo.json, /export/ftm.jsonl). Both stream, read only, in read transactions.
import type { Database } from '../db/database';
import type { ExportScope } from './citations';
import { ftmExport } from './ftm';
import { popoloExport } from './popolo';

export const EXPORT_FORMATS = ['popolo', 'ftm'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type { ExportScope };

/** The content type and file name of each format's download. */
export const EXPORT_FILES: Record<ExportFormat, { contentType: string; file: string }> = {
  popolo: { contentType: 'application/json; charset=utf-8', file: 'popolo.json' },
  ftm: { contentType: 'application/x-ndjson; charset=utf-8', file: 'ftm.jsonl' },
};

export function exportStream(db: Database, format: ExportFormat, scope: ExportScope = {}): AsyncGenerator<string> {
  return format === 'popolo' ? popoloExport(db, scope) : ftmExport(db, scope);
}
