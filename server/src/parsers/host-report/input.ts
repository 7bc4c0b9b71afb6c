// Owns HostInput: what host rules receive — the probe report, facts derived from it, and the workspace's units.
import type { Directive } from '../../knowledge/systemd-directives';
import type { LineIndex, Range } from '../../text/line-index';
import type { HostReport } from './parse';
import type { HostFacts } from './facts';

export interface WorkspaceUnit {
  readonly uri: string;
  readonly name: string;
  readonly directives: readonly {
    readonly section: string;
    readonly key: string;
    readonly directive: Directive;
    readonly range: Range;
  }[];
  /** Ports the unit listens on (ListenStream=, `:PORT` in ExecStart=). */
  readonly ports: readonly number[];
}

export interface HostInput {
  readonly probe: HostReport;
  readonly facts: HostFacts;
  readonly index: LineIndex;
  /** The workspace's units, for checks that compare the host with what will be deployed to it. */
  readonly units: () => readonly WorkspaceUnit[];
}
