// Owns DockerfileInput: what Dockerfile rules receive — the dockerfile-ast tree, our stage model and the Go version.
import type { Dockerfile } from 'dockerfile-ast';
import type { LineIndex } from '../../text/line-index';
import type { ResolvedGoVersion } from '../../knowledge/go-version';
import type { DockerModel } from './model';

export interface DockerfileInput {
  readonly dockerfile: Dockerfile;
  readonly model: DockerModel;
  readonly index: LineIndex;
  readonly goVersion: ResolvedGoVersion;
}
