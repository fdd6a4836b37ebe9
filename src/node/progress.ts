// A progress bar with ETA per stage, on stderr. On a terminal it redraws one line; in logs (CI,
// redirected output) it prints a line every ~10% so the log stays short but shows progress.

export interface Progress {
  /** Advance to `done` of `total` (total fixed at creation) with an optional status text. */
  update(done: number, status?: string): void;
  /** Final line with the elapsed time. */
  finish(status?: string): void;
}

const formatDuration = (seconds: number): string => {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
};

export function createProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = performance.now();
  const tty = Boolean(stream.isTTY);
  let lastDecile = -1;
  const width = 24;
  const render = (done: number, status: string, final: boolean): string => {
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const elapsed = (performance.now() - started) / 1000;
    const eta = done > 0 ? (elapsed / done) * (total - done) : Number.NaN;
    const filled = Math.round(fraction * width);
    const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
    const time = final ? `took ${formatDuration(elapsed)}` : `ETA ${formatDuration(eta)}`;
    return `[${label}] ${bar} ${String(Math.round(fraction * 100)).padStart(3)}% ${done}/${total} ${time}${status ? `  ${status}` : ''}`;
  };
  return {
    update(done, status = '') {
      if (tty) {
        stream.write(`\r${render(done, status, false)}\x1b[K`);
        return;
      }
      const decile = Math.floor((total > 0 ? done / total : 1) * 10);
      if (decile > lastDecile) {
        lastDecile = decile;
        stream.write(`${render(done, status, false)}\n`);
      }
    },
    finish(status = '') {
      stream.write(`${tty ? '\r' : ''}${render(total, status, true)}${tty ? '\x1b[K' : ''}\n`);
    },
  };
}
