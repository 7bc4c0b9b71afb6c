// Owns what happens when the server process dies: restart it, tell the user once, give up after a crash loop.
// No vscode import, so it is unit-tested.

export interface RestartDecision {
  readonly restart: boolean;
  /** Show a message: the first restart of the session, or giving up. */
  readonly notify: 'restarted' | 'gave-up' | undefined;
}

export class RestartPolicy {
  private readonly crashes: number[] = [];
  private told = false;

  constructor(
    private readonly maxCrashes = 4,
    private readonly windowMs = 3 * 60_000,
  ) {}

  onClosed(now: number): RestartDecision {
    this.crashes.push(now);
    while (this.crashes.length > 0 && now - (this.crashes[0] ?? now) > this.windowMs) this.crashes.shift();
    if (this.crashes.length > this.maxCrashes) return { restart: false, notify: 'gave-up' };
    const notify = this.told ? undefined : 'restarted';
    this.told = true;
    return { restart: true, notify };
  }
}
