// Rate and time left for the progress bar. The rate is measured over a sliding window of
// recent completions (the first photos include worker start-up and would make it look slow
// forever), and the clock stops while the scan is paused so a coffee break does not count.

const WINDOW_MS = 20_000;

export class RateMeter {
  private readonly completions: number[] = [];
  private pausedAt: number | null = null;
  private pausedTotal = 0;

  constructor(private readonly now: () => number = () => performance.now()) {}

  private activeTime(): number {
    const t = this.now();
    return t - this.pausedTotal - (this.pausedAt != null ? t - this.pausedAt : 0);
  }

  record(): void {
    this.completions.push(this.activeTime());
    if (this.completions.length > 512) this.completions.splice(0, this.completions.length - 512);
  }

  pause(): void {
    this.pausedAt ??= this.now();
  }

  resume(): void {
    if (this.pausedAt == null) return;
    this.pausedTotal += this.now() - this.pausedAt;
    this.pausedAt = null;
  }

  /** Photos per second over the recent window; 0 until two photos have finished. */
  rate(): number {
    const t = this.activeTime();
    const recent = this.completions.filter((c) => t - c <= WINDOW_MS);
    const windowIsFull = recent.length < this.completions.length;
    if (windowIsFull) return recent.length / (WINDOW_MS / 1000);
    // Early in a scan: count from the first finished photo, so start-up time is left out,
    // and up to now, so a stall lowers the rate instead of freezing it.
    if (recent.length < 2) return 0;
    return (recent.length - 1) / (Math.max(t - recent[0], 1) / 1000);
  }

  /** Seconds left for `remaining` photos, or null while the rate is unknown. */
  secondsLeft(remaining: number): number | null {
    const r = this.rate();
    return r > 0 ? remaining / r : null;
  }
}
