/**
 * The event bus's archive, locally: every event the archive's pattern matches is kept with the time it reached
 * the bus, in an NDJSON file of its own (so memory does not grow with the events), for the tenant's retention.
 * A replay reads back the events that reached the bus within a window, in the order they came, as EventBridge does.
 */
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DAY } from '../src/time';

/** How much the archive holds back before writing it to its file (characters). */
const WRITE_BYTES = 1 << 20;

export class LocalArchive {
  /** The directory this archive made for its file; none when it appends to another archive's file. */
  private readonly dir?: string;
  /** The archive's file: another thread may append to it too (see `sharing`). */
  readonly file: string;
  private readonly fd: number;
  private closed = false;
  /** Appended lines not yet written: written a megabyte at a time (and before every read), not a write per event. */
  private pending: string[] = [];
  private pendingBytes = 0;
  archived = 0;

  /**
   * @param retentionDays days events are kept; 0 keeps them forever (EventBridge's archive retention).
   * @param sharing the file of the archive this one appends for (on another thread, which reads it after this one is closed). @default - a file of its own
   */
  constructor(
    private readonly retentionDays: number,
    sharing?: string,
  ) {
    if (sharing === undefined) this.dir = mkdtempSync(join(tmpdir(), 'vigil-archive-'));
    this.file = sharing ?? join(this.dir!, 'events.ndjson');
    this.fd = openSync(this.file, 'a');
  }

  /** Keep an event (its JSON, as it reached the bus) with the time it arrived. */
  append(body: string, at: number): void {
    const line = `${at}\t${body}\n`;
    this.pending.push(line);
    this.pendingBytes += line.length;
    this.archived++;
    if (this.pendingBytes >= WRITE_BYTES) this.write();
  }

  private write(): void {
    if (!this.pending.length) return;
    writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** The events that reached the bus from `from` (inclusive) to `to` (exclusive) and are still retained at `now`, in arrival order. */
  async *between(from: number, to: number, now = Date.now()): AsyncGenerator<{ at: number; event: Record<string, unknown> }> {
    this.write();
    const oldest = this.retentionDays > 0 ? now - this.retentionDays * DAY : -Infinity;
    const lines = createInterface({ input: createReadStream(this.file, { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const line of lines) {
      const tab = line.indexOf('\t');
      const at = Number(line.slice(0, tab));
      if (at < from || at >= to || at < oldest) continue;
      yield { at, event: JSON.parse(line.slice(tab + 1)) as Record<string, unknown> };
    }
  }

  close(): void {
    if (this.closed) return;
    this.write();
    this.closed = true;
    closeSync(this.fd);
    if (this.dir !== undefined) rmSync(this.dir, { recursive: true, force: true });
  }
}
