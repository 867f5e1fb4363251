/** One holder at a time, in arrival order: a connection's transactions, and the reads that must not see one half-done. */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();
  private held = false;

  get isHeld(): boolean {
    return this.held;
  }

  /** Waits for the holders before, then runs fn holding the lock. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const before = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => { release = resolve; });
    await before;
    this.held = true;
    try {
      return await fn();
    } finally {
      this.held = false;
      release();
    }
  }

  /** Resolves once nobody holds the lock (without taking it). */
  async idle(): Promise<void> {
    while (this.held) await this.tail;
  }
}
