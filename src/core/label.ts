/**
 * How rasd names an input in failures, diagnostics and listings: its path, or `path:record` for the record-th
 * (1-based) record of a JSON Lines or feed file. The one place that builds the label, so a failure reported by
 * ingest, a worker or the watcher names a document exactly as `rasd extract` and `rasd cluster` name it.
 */
export function inputLabel(source: { path: string; record?: number | null | undefined }): string {
  return source.record !== undefined && source.record !== null ? `${source.path}:${source.record}` : source.path;
}
