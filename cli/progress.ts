/** Progress for long work, on stderr, only when stderr is a terminal: one line, rewritten in place. */
export interface Progress {
  /** Show `text` (throttled: at most a few updates a second). */
  update(text: string): void;
  /** Clear the line. */
  done(): void;
}

const silent: Progress = { update: () => undefined, done: () => undefined };

/** A progress line on `stream` when it is a TTY; nothing at all otherwise. */
export function progress(stream: NodeJS.WriteStream = process.stderr, everyMs = 200): Progress {
  if (!stream.isTTY) return silent;
  let last = 0;
  let shown = false;
  return {
    update(text) {
      const now = Date.now();
      if (now - last < everyMs) return;
      last = now;
      shown = true;
      stream.write(`\r\x1b[2K${text}`);
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}

/** A rate for humans: `1234 events/s`. */
export function perSecond(count: number, ms: number): string {
  return `${Math.round(count / Math.max(ms / 1000, 0.001))}`;
}
