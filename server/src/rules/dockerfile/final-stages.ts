// Owns which stages end up in the built image: the last stage and the stages it is built on (`FROM <stage>`).
import type { DockerModel, Stage } from '../../parsers/dockerfile/model';

export function shippedStages(model: DockerModel): Stage[] {
  const out: Stage[] = [];
  for (let s = model.stages[model.stages.length - 1]; s !== undefined && out.length < 64; s = s.parent) out.push(s);
  return out;
}
