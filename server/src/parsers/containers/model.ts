// Owns the container model every orchestrator surface (Compose, Kubernetes, Quadlet) hands to rules: each container's
// environment, env files, limits and health check, with exact ranges.
import type { Range } from '../../text/line-index';

export interface ContainerEnv {
  readonly name: string;
  readonly nameRange: Range;
  /** The literal value; undefined when it comes from elsewhere (`valueFrom`, a bare `KEY` taken from the host). */
  readonly value: string | undefined;
  /** The value as written (quotes included), or the name when there is none. */
  readonly valueRange: Range;
  /** Document offset of value[0] when the value appears verbatim in the text. */
  readonly exactOffset: number | undefined;
  /** The whole entry (map pair, list item, `Environment=` line). */
  readonly statementRange: Range;
  /** Kubernetes `valueFrom.resourceFieldRef`: the resource it reads (`limits.memory`) and where. */
  readonly fieldRef?: { readonly resource: string; readonly range: Range; readonly divisor?: string };
  /** How to write a new value in place (quoted as the surface needs). */
  readonly quote: (value: string) => string;
  /**
   * An edit that replaces the value with a new one: inside its quotes when it is verbatim, else quoted anew. Absent
   * when the value is written in another file (a ConfigMap through `envFrom`).
   */
  readonly replaceValue?: (value: string) => { range: Range; newText: string };
  /**
   * Where the entry is written when that is not the container's own text: `ConfigMap api-env in config.yaml` (its
   * ranges are then the `envFrom` reference), `shared through a YAML anchor`. A fix computed for one container (a
   * value for its limit) is not offered for such an entry: it would change the others too.
   */
  readonly note?: string;
}

export interface Limit {
  /** Bytes for memory, CPUs for cpu. */
  readonly amount: number;
  /** As written. */
  readonly text: string;
  readonly unit: string;
  readonly range: Range;
  /** For messages: `mem_limit`, `resources.limits.memory`, `Memory=`. */
  readonly key: string;
}

export interface EnvFileRef {
  readonly path: string;
  readonly range: Range;
  /** Compose `required: false` and systemd's `-` prefix make a missing file fine. */
  readonly required: boolean;
  /** The file on disk (absolute), resolved by the surface. */
  readonly resolved: string;
  readonly exists: boolean;
}

export interface HealthCheck {
  /** The programs it runs: exec form's first word; for shell form `sh` and the first word of each command. */
  readonly programs: readonly string[];
  readonly shellForm: boolean;
  readonly range: Range;
}

/** Facts about the image a container runs, as far as the surface could tell. */
export interface ContainerImage {
  /** For messages: `gcr.io/distroless/static` or `the final stage of build/Dockerfile`. */
  readonly name: string;
  readonly family: string | undefined;
  /** Of HEALTHCHECK_TOOLS, those the image has; undefined when not known. */
  readonly tools: readonly string[] | undefined;
  /** The image has no /bin/sh. */
  readonly noShell: boolean;
}

export interface Container {
  readonly name: string;
  readonly nameRange: Range;
  readonly env: readonly ContainerEnv[];
  readonly envFiles: readonly EnvFileRef[];
  readonly memoryLimit: Limit | undefined;
  readonly cpuLimit: Limit | undefined;
  readonly healthcheck: HealthCheck | undefined;
  readonly image: ContainerImage | undefined;
  /** Environment may come from where we cannot read it (a Secret or an unresolved ConfigMap in `envFrom`). */
  readonly opaqueEnv?: boolean;
  /** Why we think it runs a Go program (a GO* variable, a Dockerfile that runs go build…), or undefined. */
  readonly goSignal: string | undefined;
  /** Where a new environment entry goes: an edit that adds `NAME=value` in the surface's syntax, when one can. */
  readonly addEnv: ((name: string, value: string) => { range: Range; newText: string }) | undefined;
}

export interface QuantityProblem {
  readonly range: Range;
  readonly message: string;
}

export interface ContainersInput {
  readonly surface: 'compose' | 'kubernetes' | 'quadlet';
  readonly containers: readonly Container[];
  /** Limits that do not follow their format's grammar. */
  readonly quantityProblems: readonly QuantityProblem[];
}
