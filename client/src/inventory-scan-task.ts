// Owns an inventory scan in a terminal: Ansible reads the inventory and runs the probe on each host (raw module),
// the terminal shows each host as it finishes; closing the terminal or terminating the task stops Ansible.
import * as path from 'node:path';
import { probeInventory, type InventoryProgress } from '../../server/src/host/ansible';
import type { AnalyzeFleetParams } from '../../server/src/protocol';
import { printable } from './terminal-text';
import { ScanPseudoterminal, type OutcomeHandler } from './scan-terminal-base';

export interface InventoryScanDefinition {
  readonly inventory: string;
  readonly limit?: string;
  readonly binaries?: string[];
  readonly units?: string[];
}

export interface InventoryOutcome {
  /** In inventory order: the probe output, or why there is none (what the server's fleet analysis takes). */
  readonly hosts: AnalyzeFleetParams['hosts'];
  readonly cancelled: boolean;
  /** Why no host was scanned (Ansible missing, an unreadable inventory, no host matches). */
  readonly error?: string;
}

export function inventoryLabel(def: Pick<InventoryScanDefinition, 'inventory' | 'limit'>): string {
  return `${path.basename(def.inventory)}${def.limit !== undefined && def.limit !== 'all' ? ` (${def.limit})` : ''}`;
}

export class InventoryTerminal extends ScanPseudoterminal<InventoryOutcome> {
  constructor(
    private readonly def: InventoryScanDefinition,
    private readonly options: {
      readonly forks: number;
      readonly timeoutSeconds: number;
      /** Hosts done so far (for the progress notification). */
      readonly onProgress?: (p: InventoryProgress) => void;
      /** Called with the outcome; returns the line to print before the terminal closes. */
      readonly onOutcome: OutcomeHandler<InventoryOutcome>;
    },
  ) {
    super(options.onOutcome);
  }

  open(): void {
    void this.run().then(
      (o) => this.finish(o),
      (e: unknown) => this.finish({ hosts: [], cancelled: false, error: String(e) }),
    );
  }

  private async run(): Promise<InventoryOutcome> {
    const { inventory, limit } = this.def;
    this.line(
      `Go Deploy Lint: probing the hosts of ${printable(inventoryLabel(this.def))} through Ansible (read-only)…`,
    );
    this.line(
      `$ ansible ${printable(limit ?? 'all')} -i ${printable(inventory)} -m raw -a <probe.sh> --forks ${this.options.forks}`,
    );
    const run = await probeInventory({
      inventory,
      ...(limit !== undefined ? { limit } : {}),
      forks: this.options.forks,
      timeoutSeconds: this.options.timeoutSeconds,
      binaries: this.def.binaries ?? [],
      units: this.def.units ?? [],
      signal: this.abort.signal,
      onHostDone: (p) => {
        if (p.host !== undefined)
          this.line(`  ${p.ok === true ? '✓' : '\x1b[33m✗\x1b[0m'} ${printable(p.host)} (${p.done}/${p.total})`);
        this.options.onProgress?.(p);
      },
    });
    if (this.abort.signal.aborted) return { hosts: [], cancelled: true };
    if (run.error !== undefined) return { hosts: [], cancelled: false, error: run.error };
    const hosts = run.hosts.map((host) => {
      const r = run.results.get(host);
      return r?.output !== undefined ? { host, output: r.output } : { host, problem: r?.problem ?? 'no result' };
    });
    for (const h of hosts)
      if (h.problem !== undefined) this.line(`\x1b[33m${printable(h.host)}: ${printable(h.problem)}\x1b[0m`);
    return { hosts, cancelled: this.abort.signal.aborted };
  }
}
