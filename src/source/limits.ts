/**
 * Bounds on what one input may cost, so that no file can exhaust memory or crash the run: a gzip bomb, a JSON Lines
 * file that is one 2 GB line. Past a bound the input (or that line) is refused with a message naming it and the
 * bound; the other inputs are still read. Defaults are generous: far above any real article or feed.
 */
export interface InputLimits {
  /** Bytes one file may hold, decompressed (pages, feeds, JSON documents: read whole). Default 256 MiB. */
  maxFileBytes: number;
  /** Bytes one JSON Lines file may decompress to, streamed line by line. Default 8 GiB. */
  maxStreamBytes: number;
  /** Bytes one line (one record) of a JSON Lines file may hold. Default 64 MiB. */
  maxLineBytes: number;
}

const MIB = 1024 * 1024;

function fromEnv(name: string, fallbackMib: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v * MIB : fallbackMib * MIB;
}

/** The limits in force: RASD_MAX_FILE_MB, RASD_MAX_STREAM_MB and RASD_MAX_LINE_MB override the defaults. */
export function defaultLimits(): InputLimits {
  return {
    maxFileBytes: fromEnv("RASD_MAX_FILE_MB", 256),
    maxStreamBytes: fromEnv("RASD_MAX_STREAM_MB", 8192),
    maxLineBytes: fromEnv("RASD_MAX_LINE_MB", 64),
  };
}

/** "64 MiB", for messages. */
export function size(bytes: number): string {
  return bytes >= MIB ? `${Math.round((bytes / MIB) * 10) / 10} MiB` : `${bytes} bytes`;
}
