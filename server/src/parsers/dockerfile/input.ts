// Owns DockerfileInput: what Dockerfile rules receive — the dockerfile-ast tree, our stage model and the Go version.
import type { Dockerfile } from 'dockerfile-ast';
import type { LineIndex } from '../../text/line-index';
import type { ResolvedGoVersion } from '../../knowledge/go-version';
import type { DockerModel } from './model';
import type { GoModule } from '../gomod/module';

/** The build context, taken to be the Dockerfile's folder (`docker build .` next to it). */
export interface BuildContext {
  /** The ignore file in force: `<Dockerfile>.dockerignore` next to it, else the context's `.dockerignore`. */
  readonly dockerignore: string | undefined;
  /**
   * Files and folders of the context that a whole-context COPY puts into the image and that should not be there
   * (`.env` files, `.git`), not excluded by the ignore file; paths relative to the context, `/`-separated.
   */
  exposed(): readonly string[];
}

export interface DockerfileInput {
  readonly dockerfile: Dockerfile;
  readonly model: DockerModel;
  readonly index: LineIndex;
  readonly goVersion: ResolvedGoVersion;
  /** The module of the nearest go.mod above the Dockerfile, when there is one. */
  readonly goModule: GoModule | undefined;
  /** Undefined for a document without a path (stdin, untitled). */
  readonly context: BuildContext | undefined;
}
