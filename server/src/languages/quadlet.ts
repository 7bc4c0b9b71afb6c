// Owns the Podman Quadlet surface (podman-systemd.unit(5)): `.container`, `.pod` and `.kube` units read with the
// systemd unit parser, and their [Container] environment, memory and CPU limits and health check as containers.
import * as path from 'node:path';
import type { LineIndex, Range } from '../text/line-index';
import { insertLinesBefore, replace } from '../text/edits';
import { parseUnitFile } from '../parsers/systemd/parse';
import type { UnitAssignment } from '../parsers/systemd/ast';
import type {
  Container,
  ContainerEnv,
  EnvFileRef,
  HealthCheck,
  Limit,
  QuantityProblem,
} from '../parsers/containers/model';
import { parsePodmanBytes } from '../parsers/containers/quantity';
import { parseMemory } from '../knowledge/systemd-values';
import { programOf } from '../knowledge/shell-exec';
import { containersGoValues, goSignalOf, imageOf } from './containers';
import type { AnalysisContext, Prepared } from './prepared';
import type { SourceDocument } from './source-document';

function last(list: readonly UnitAssignment[], section: string, key: string): UnitAssignment | undefined {
  return list.filter((a) => a.section?.name.text === section && a.key.text === key && a.value.text.trim() !== '').pop();
}

/** `--memory 512m`, `--memory=512m`, `-m 512m` and `--cpus 1.5` in PodmanArgs= (the last one wins, as in podman). */
function podmanArg(
  assignments: readonly UnitAssignment[],
  names: readonly string[],
): { text: string; range: Range } | undefined {
  let found: { text: string; range: Range } | undefined;
  for (const a of assignments) {
    if (a.section?.name.text !== 'Container' || a.key.text !== 'PodmanArgs') continue;
    const words = a.value.words().words;
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (w === undefined) continue;
      const eq = w.value.indexOf('=');
      const flag = eq === -1 ? w.value : w.value.slice(0, eq);
      if (!names.includes(flag)) continue;
      if (eq !== -1) found = { text: w.value.slice(eq + 1), range: a.value.rangeOf(w.start + eq + 1, w.end) };
      else if (words[i + 1] !== undefined) {
        const v = words[i + 1];
        if (v !== undefined) found = { text: v.value, range: a.value.rangeOf(v.start, v.end) };
      }
    }
  }
  return found;
}

export function prepareQuadlet(doc: SourceDocument, index: LineIndex, ctx: AnalysisContext): Prepared {
  const { ast } = parseUnitFile(index);
  const all = ast.assignments;
  const problems: QuantityProblem[] = [];
  const env: ContainerEnv[] = [];
  for (const a of all) {
    if (a.section?.name.text !== 'Container' || a.key.text !== 'Environment') continue;
    for (const w of a.value.words().words) {
      const eq = w.value.indexOf('=');
      if (eq <= 0) continue;
      const name = w.value.slice(0, eq);
      const value = w.value.slice(eq + 1);
      const verbatim = !w.quoted && w.end - w.start === w.value.length;
      const valueStart = a.value.offsetOf(w.start) + eq + 1;
      const quote = (v: string): string => (/[\s"'\\]/.test(v) ? JSON.stringify(v) : v);
      const valueRange = verbatim
        ? index.range(valueStart, valueStart + value.length)
        : a.value.rangeOf(w.start, w.end);
      env.push({
        name,
        nameRange: a.value.rangeOf(w.start, w.start + Math.min(eq, w.end - w.start)),
        value,
        valueRange,
        exactOffset: verbatim ? valueStart : undefined,
        statementRange: a.range,
        quote,
        replaceValue: (v) => (verbatim ? replace(valueRange, v) : replace(valueRange, quote(`${name}=${v}`))),
      });
    }
  }
  const envFiles: EnvFileRef[] = [];
  for (const a of all) {
    if (a.section?.name.text !== 'Container' || a.key.text !== 'EnvironmentFile') continue;
    const raw = a.value.text.trim();
    if (raw === '' || doc.path === undefined) continue;
    const resolved = path.resolve(path.dirname(doc.path), raw);
    envFiles.push({ path: raw, range: a.value.range, required: true, resolved, exists: ctx.project.exists(resolved) });
  }
  // The memory limit: Memory= (Podman 5.5+), else --memory in PodmanArgs=, else MemoryMax= of the service's cgroup.
  let memoryLimit: Limit | undefined;
  const memKey = last(all, 'Container', 'Memory');
  const memArg = podmanArg(all, ['--memory', '-m']);
  const fromPodman =
    memKey !== undefined
      ? { text: memKey.value.text.trim(), range: memKey.value.range, key: 'Memory=' }
      : memArg !== undefined
        ? { ...memArg, key: 'PodmanArgs=--memory' }
        : undefined;
  if (fromPodman !== undefined) {
    const q = parsePodmanBytes(fromPodman.text);
    if (q === undefined)
      problems.push({
        range: fromPodman.range,
        message: `\`${fromPodman.text}\` is not a size podman accepts (a number with b, k, m or g): ${fromPodman.key} rejects it`,
      });
    else
      memoryLimit = {
        amount: q.value,
        text: fromPodman.text,
        unit: q.unit,
        range: fromPodman.range,
        key: fromPodman.key,
      };
  } else {
    const max = last(all, 'Service', 'MemoryMax');
    const bytes = max === undefined ? undefined : parseMemory(max.value.text)?.bytes;
    if (max !== undefined && bytes !== undefined)
      memoryLimit = {
        amount: bytes,
        text: max.value.text.trim(),
        unit: /[KMGT]$/i.exec(max.value.text.trim())?.[0] ?? '',
        range: max.value.range,
        key: 'MemoryMax=',
      };
  }
  let cpuLimit: Limit | undefined;
  const cpus = podmanArg(all, ['--cpus']);
  if (cpus !== undefined) {
    const n = /^(\d+(\.\d*)?|\.\d+)$/.test(cpus.text) ? Number(cpus.text) : undefined;
    if (n === undefined)
      problems.push({
        range: cpus.range,
        message: `\`${cpus.text}\` is not a number of CPUs: podman --cpus rejects it`,
      });
    else cpuLimit = { amount: n, text: cpus.text, unit: '', range: cpus.range, key: 'PodmanArgs=--cpus' };
  } else {
    const quota = last(all, 'Service', 'CPUQuota');
    const pct = quota === undefined ? undefined : /^([0-9]+(?:\.[0-9]+)?)%$/.exec(quota.value.text.trim());
    if (quota !== undefined && pct?.[1] !== undefined)
      cpuLimit = {
        amount: Number(pct[1]) / 100,
        text: quota.value.text.trim(),
        unit: '%',
        range: quota.value.range,
        key: 'CPUQuota=',
      };
  }
  let healthcheck: HealthCheck | undefined;
  const hc = last(all, 'Container', 'HealthCmd');
  if (hc !== undefined) {
    const text = hc.value.text.trim();
    healthcheck = text.startsWith('[')
      ? { programs: [programOf(text.slice(1))], shellForm: false, range: hc.value.range }
      : { programs: ['sh', programOf(text)], shellForm: true, range: hc.value.range };
  }
  const imageAssignment = last(all, 'Container', 'Image');
  const image = imageAssignment?.value.text.trim();
  const name = doc.path === undefined ? 'container' : path.basename(doc.path).replace(/\.[^.]+$/, '');
  const containerSection = ast.sections.find((s) => s.name.text === 'Container');
  const lastContainerLine = containerSection?.assignments.at(-1)?.range.end.line;
  const container: Container = {
    name,
    nameRange: containerSection?.name.range ?? index.range(0, 0),
    env,
    envFiles,
    memoryLimit,
    cpuLimit,
    healthcheck,
    image: imageOf(image),
    goSignal: goSignalOf(env, image, false, ctx),
    addEnv:
      lastContainerLine === undefined
        ? undefined
        : (n, v) => insertLinesBefore(index, lastContainerLine + 1, [`Environment=${n}=${v}`]),
  };
  const containers = containerSection === undefined ? [] : [container];
  return {
    language: 'quadlet',
    comments: ast.comments,
    statements: [...ast.sections.map((s) => s.header), ...all.map((a) => a.range)].sort(
      (x, y) => x.start.line - y.start.line,
    ),
    inputs: {
      containers: { surface: 'quadlet', containers, quantityProblems: problems },
      'go-values': containersGoValues(containers, index, ctx.project.goVersion(doc.path, ctx.settings)),
    },
  };
}
