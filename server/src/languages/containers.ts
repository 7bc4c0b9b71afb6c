// Owns the orchestrator surfaces built on YAML: Compose files and Kubernetes manifests, read into the container
// model (environment, env files, limits, health checks) and the Go values of their environment entries.
import * as path from 'node:path';
import type { LineIndex, Range } from '../text/line-index';
import { deleteLines, replace, type TextEdit } from '../text/edits';
import { SourceToken, type Token } from '../text/token';
import {
  deref,
  seqItems,
  dig,
  isMap,
  isScalar,
  isSeq,
  isVerbatim,
  offsets,
  pairOf,
  parseYamlDocuments,
  scalarText,
  valueOf,
  type Document,
} from '../parsers/yaml/yaml';
import type {
  Container,
  ContainerEnv,
  ContainerImage,
  ContainersInput,
  EnvFileRef,
  HealthCheck,
  Limit,
  QuantityProblem,
} from '../parsers/containers/model';
import {
  parseComposeBytes,
  parseComposeCpus,
  parseK8sQuantity,
  type ParsedQuantity,
} from '../parsers/containers/quantity';
import { imageFacts, HEALTHCHECK_TOOLS } from '../knowledge/base-images';
import { programOf } from '../knowledge/shell-exec';
import { parseDockerfile } from '../parsers/dockerfile/parser';
import { buildModel } from '../parsers/dockerfile/model';
import { toolRuns } from '../parsers/dockerfile/stage-tools';
import { LineIndex as Index } from '../text/line-index';
import type { EnvBinding, GoValues } from '../rules/go-values/input';
import type { AnalysisContext, NotThisLanguage, Prepared } from './prepared';
import type { SourceDocument } from './source-document';

/** Workload kinds whose pod spec holds containers, and the path to the pod spec. */
const POD_SPEC: Record<string, readonly string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

export { isKubernetesManifest } from '../protocol';

interface Ctx {
  readonly text: string;
  readonly index: LineIndex;
  readonly problems: QuantityProblem[];
}

function rangeOf(c: Ctx, node: unknown): Range | undefined {
  const o = offsets(node);
  return o === undefined ? undefined : c.index.range(o[0], o[1]);
}

function yamlQuote(value: string): string {
  return /^[A-Za-z0-9_./:@%+-]*$/.test(value) && !/^(true|false|yes|no|on|off|null|~|[0-9.+-]+)$/i.test(value)
    ? value
    : JSON.stringify(value);
}

function envEntry(
  c: Ctx,
  name: string,
  nameNode: unknown,
  valueNode: unknown,
  statement: unknown,
  value: string | undefined,
): ContainerEnv | undefined {
  const nameRange = rangeOf(c, nameNode);
  const statementRange = rangeOf(c, statement) ?? nameRange;
  if (nameRange === undefined || statementRange === undefined) return undefined;
  const valueRange = rangeOf(c, valueNode) ?? nameRange;
  const o = offsets(valueNode);
  const exactOffset =
    o !== undefined && isScalar(valueNode) && isVerbatim(valueNode, c.text) && value !== undefined
      ? c.text.startsWith(value, o[0])
        ? o[0]
        : o[0] + 1
      : undefined;
  const exactRange =
    exactOffset !== undefined && value !== undefined
      ? c.index.range(exactOffset, exactOffset + value.length)
      : undefined;
  return {
    name,
    nameRange,
    value,
    valueRange: exactRange ?? valueRange,
    exactOffset,
    statementRange,
    quote: yamlQuote,
    replaceValue: (v) => (exactRange !== undefined ? replace(exactRange, v) : replace(valueRange, yamlQuote(v))),
  };
}

/** A `KEY=value` list item of Compose `environment:`; the name and value are parts of one scalar. */
function composeListEntry(c: Ctx, item: unknown): ContainerEnv | undefined {
  const raw = scalarText(item);
  const o = offsets(item);
  if (raw === undefined || o === undefined || !isScalar(item)) return undefined;
  const eq = raw.indexOf('=');
  const name = eq === -1 ? raw : raw.slice(0, eq);
  const value = eq === -1 ? undefined : raw.slice(eq + 1);
  const verbatim = isVerbatim(item, c.text);
  const start = verbatim && !c.text.startsWith(raw, o[0]) ? o[0] + 1 : o[0];
  const nameRange = verbatim ? c.index.range(start, start + name.length) : c.index.range(o[0], o[1]);
  const valueStart = start + name.length + 1;
  const exact = verbatim && value !== undefined;
  const valueRange = exact ? c.index.range(valueStart, valueStart + value.length) : nameRange;
  const whole = c.index.range(o[0], o[1]);
  return {
    name,
    nameRange,
    value,
    valueRange,
    exactOffset: exact ? valueStart : undefined,
    statementRange: whole,
    quote: (v) => v,
    // A list item is one scalar: not verbatim, it is written again whole as `NAME=value`.
    replaceValue: (v) => (exact ? replace(valueRange, v) : replace(whole, JSON.stringify(`${name}=${v}`))),
  };
}

function limit(
  c: Ctx,
  node: unknown,
  key: string,
  parse: (t: string) => ParsedQuantity | undefined,
  what: string,
): Limit | undefined {
  const text = scalarText(node);
  const range = rangeOf(c, node);
  // Compose interpolates `${VAR}` before reading the value: what it becomes is not known here.
  if (text === undefined || range === undefined || text.includes('$')) return undefined;
  const q = parse(text);
  if (q === undefined) {
    c.problems.push({ range, message: `\`${text}\` is not a ${what}: ${key} does not accept it` });
    return undefined;
  }
  return { amount: q.value, text, unit: q.unit, range, key };
}

/** `test:` of a Compose health check: a string is CMD-SHELL, a list starts with CMD, CMD-SHELL or NONE. */
function composeHealth(c: Ctx, hc: unknown): HealthCheck | undefined {
  if (!isMap(hc) || scalarText(valueOf(hc, 'disable')) === 'true') return undefined;
  const test = valueOf(hc, 'test');
  const range = rangeOf(c, test);
  if (range === undefined) return undefined;
  const asText = scalarText(test);
  if (asText !== undefined) return { programs: ['sh', programOf(asText)], shellForm: true, range };
  if (!isSeq(test)) return undefined;
  const words = seqItems(test).map((i) => scalarText(i) ?? '');
  if (words[0] === 'CMD') return { programs: [path.posix.basename(words[1] ?? '')], shellForm: false, range };
  if (words[0] === 'CMD-SHELL') return { programs: ['sh', programOf(words[1] ?? '')], shellForm: true, range };
  return undefined;
}

/** The image a service runs: the final stage of its `build:` Dockerfile, else its `image:`. */
function composeImage(
  service: unknown,
  file: string | undefined,
  ctx: AnalysisContext,
): {
  image: ContainerImage | undefined;
  goBuild: boolean;
} {
  const build = valueOf(service, 'build');
  const context = scalarText(build) ?? scalarText(valueOf(build, 'context'));
  if ((context !== undefined || isMap(build)) && file !== undefined) {
    const dir = path.resolve(path.dirname(file), context ?? '.');
    const dockerfile = path.resolve(dir, scalarText(valueOf(build, 'dockerfile')) ?? 'Dockerfile');
    const text = ctx.project.readText(dockerfile);
    if (text === undefined) return { image: undefined, goBuild: false };
    const model = buildModel(parseDockerfile(text), new Index(text));
    const last = model.stages[model.stages.length - 1];
    const goBuild = model.stages.some((s) => s.goBuilds.length > 0);
    if (last?.facts?.tools === undefined) return { image: undefined, goBuild };
    return {
      image: {
        name: `the final stage of ${path.relative(path.dirname(file), dockerfile) || dockerfile}`,
        family: last.facts.family,
        tools: HEALTHCHECK_TOOLS.filter((t) => toolRuns(last, t)),
        noShell: last.facts.shell === null && last.shell === undefined,
      },
      goBuild,
    };
  }
  return { image: imageOf(scalarText(valueOf(service, 'image'))), goBuild: false };
}

/** What a container's image tells the rules, for an image the base-image table knows; undefined otherwise. */
export function imageOf(ref: string | undefined): ContainerImage | undefined {
  const facts = ref === undefined ? undefined : imageFacts(ref);
  return ref === undefined || facts === undefined
    ? undefined
    : { name: ref, family: facts.family, tools: facts.tools, noShell: facts.shell === null };
}

export function goSignalOf(
  env: readonly ContainerEnv[],
  image: string | undefined,
  goBuild: boolean,
  ctx: AnalysisContext,
): string | undefined {
  const goVar = env.find((e) => /^GO[A-Z0-9_]*$/.test(e.name) && e.name !== 'GOPATH');
  if (goVar !== undefined) return `it sets ${goVar.name}`;
  if (goBuild) return 'its Dockerfile runs go build';
  const base = image?.split('@')[0]?.split(':')[0]?.split('/').pop();
  if (base !== undefined && base !== '' && ctx.project.goPrograms().has(base))
    return `the workspace's Go code builds \`${base}\``;
  return undefined;
}

/** An edit that adds `NAME: value` to a map, after its last pair and with its indentation. */
function addToMap(c: Ctx, map: unknown, quote: (v: string) => string): Container['addEnv'] {
  if (!isMap(map) || map.items.length === 0 || map.flow === true) return undefined;
  const last = map.items[map.items.length - 1];
  const first = offsets(map.items[0]?.key);
  const end = offsets(last?.value ?? last?.key);
  if (first === undefined || end === undefined) return undefined;
  const indent = c.text.slice(c.index.lineStart(c.index.positionAt(first[0]).line), first[0]);
  if (!/^[ \t]*$/.test(indent)) return undefined;
  const line = c.index.positionAt(end[1]).line;
  const at = c.index.lineContentEnd(line);
  const eol = c.text.includes('\r\n') ? '\r\n' : '\n';
  return (name, value) => ({ range: c.index.range(at, at), newText: `${eol}${indent}${name}: ${quote(value)}` });
}

/** An edit that appends `- name: NAME` / `value: "v"` to a Kubernetes env list, with its items' indentation. */
function addToEnvList(c: Ctx, list: unknown): Container['addEnv'] {
  const s = deref(list);
  if (!isSeq(s) || s.items.length === 0 || s.flow === true) return undefined;
  const first = offsets(s.items[0]);
  const last = offsets(s.items[s.items.length - 1]);
  if (first === undefined || last === undefined) return undefined;
  const firstLine = c.index.positionAt(first[0]).line;
  const lineStart = c.index.lineStart(firstLine);
  // `- name: X` items: the dash sits before the map's first key.
  const head = c.text.slice(lineStart, first[0]);
  const m = /^([ \t]*)-([ \t]+)$/.exec(head);
  if (m === null) return undefined;
  const dashIndent = m[1] ?? '';
  const keyIndent = `${dashIndent} ${m[2] ?? ' '}`;
  const endLine = c.index.positionAt(Math.max(last[0], last[1] - 1)).line;
  const at = c.index.lineContentEnd(endLine);
  const eol = c.text.includes('\r\n') ? '\r\n' : '\n';
  return (name, value) => ({
    range: c.index.range(at, at),
    newText: `${eol}${dashIndent}-${m[2] ?? ' '}name: ${name}${eol}${keyIndent}value: ${JSON.stringify(value)}`,
  });
}

function composeContainers(doc: Document.Parsed, c: Ctx, file: string | undefined, ctx: AnalysisContext): Container[] {
  const services = valueOf(doc.contents, 'services');
  if (!isMap(services)) return [];
  const out: Container[] = [];
  for (const pair of services.items) {
    const name = scalarText(pair.key);
    const nameRange = rangeOf(c, pair.key);
    const svc = deref(pair.value);
    if (name === undefined || nameRange === undefined || !isMap(svc)) continue;
    const envNode = valueOf(svc, 'environment');
    const env: ContainerEnv[] = [];
    // Entries outside the service's own text come from an anchor or merge key that other services share.
    const own = offsets(svc);
    const inOwn = (e: ContainerEnv): ContainerEnv => {
      const at = c.index.offsetAt(e.statementRange.start);
      return own !== undefined && at >= own[0] && at < own[1] ? e : { ...e, note: 'shared through a YAML anchor' };
    };
    if (isMap(envNode))
      for (const p of envNode.items) {
        const k = scalarText(p.key);
        if (k === undefined) continue;
        const e = envEntry(c, k, p.key, p.value, p, scalarText(p.value));
        if (e !== undefined) env.push(inOwn(e));
      }
    else if (isSeq(envNode))
      for (const item of seqItems(envNode)) {
        const e = composeListEntry(c, item);
        if (e !== undefined) env.push(inOwn(e));
      }
    const envFiles: EnvFileRef[] = [];
    const ef = valueOf(svc, 'env_file');
    for (const item of isSeq(ef) ? seqItems(ef) : ef === undefined ? [] : [ef]) {
      const p = scalarText(item) ?? scalarText(valueOf(item, 'path'));
      const r = rangeOf(c, isMap(item) ? valueOf(item, 'path') : item);
      // `${ENV_FILE:-.env}`: interpolated by Compose, not a path to look up as written.
      if (p === undefined || r === undefined || file === undefined || p.includes('$')) continue;
      const resolved = path.resolve(path.dirname(file), p);
      envFiles.push({
        path: p,
        range: r,
        required: scalarText(valueOf(item, 'required')) !== 'false',
        resolved,
        exists: ctx.project.exists(resolved),
      });
    }
    const limits = dig(svc, 'deploy', 'resources', 'limits');
    const memNode = valueOf(limits, 'memory') ?? valueOf(svc, 'mem_limit');
    const memKey = valueOf(limits, 'memory') !== undefined ? 'deploy.resources.limits.memory' : 'mem_limit';
    const cpuNode = valueOf(limits, 'cpus') ?? valueOf(svc, 'cpus');
    const cpuKey = valueOf(limits, 'cpus') !== undefined ? 'deploy.resources.limits.cpus' : 'cpus';
    const { image, goBuild } = composeImage(svc, file, ctx);
    const quoteMap = isMap(envNode) ? yamlQuote : (v: string): string => v;
    out.push({
      name,
      nameRange,
      env,
      envFiles,
      memoryLimit: limit(c, memNode, memKey, parseComposeBytes, 'byte value (`512m`, `1g`, `1073741824`)'),
      cpuLimit: limit(c, cpuNode, cpuKey, parseComposeCpus, 'number of CPUs (`1.5`)'),
      healthcheck: composeHealth(c, valueOf(svc, 'healthcheck')),
      image,
      goSignal: goSignalOf(env, scalarText(valueOf(svc, 'image')), goBuild, ctx),
      addEnv:
        isMap(envNode) &&
        own !== undefined &&
        (offsets(envNode)?.[0] ?? -1) >= own[0] &&
        (offsets(envNode)?.[0] ?? -1) < own[1]
          ? addToMap(c, envNode, quoteMap)
          : undefined,
    });
  }
  return out;
}

/** ConfigMap name → its `data` entries, and where it was found (for messages). */
type ConfigMaps = Map<string, { readonly data: ReadonlyMap<string, string>; readonly where: string }>;

function configMapsOf(docs: readonly Document.Parsed[], where: string, into: ConfigMaps): void {
  for (const d of docs) {
    if (scalarText(valueOf(d.contents, 'kind')) !== 'ConfigMap') continue;
    const name = scalarText(dig(d.contents, 'metadata', 'name'));
    const data = valueOf(d.contents, 'data');
    if (name === undefined || !isMap(data) || into.has(name)) continue;
    const entries = new Map<string, string>();
    for (const p of data.items) {
      const k = scalarText(p.key);
      const v = scalarText(p.value);
      if (k !== undefined && v !== undefined) entries.set(k, v);
    }
    into.set(name, { data: entries, where });
  }
}

/**
 * The ConfigMaps a manifest's `envFrom` may name: those in its own stream, then those in the other YAML files of its
 * folder (how kubectl apply -f on the folder sees them). Files above 1 MB and folders of over 200 files are not read.
 */
function findConfigMaps(docs: readonly Document.Parsed[], file: string | undefined, ctx: AnalysisContext): ConfigMaps {
  const maps: ConfigMaps = new Map();
  configMapsOf(docs, 'in this file', maps);
  if (file === undefined) return maps;
  const siblings = ctx.project
    .filesIn(path.dirname(file))
    .filter((f) => /\.ya?ml$/i.test(f) && f !== path.resolve(file));
  if (siblings.length > 200) return maps;
  for (const f of siblings) {
    const text = ctx.project.readText(f);
    if (text === undefined || text.length > 1_000_000 || !/^kind:\s*ConfigMap\b/m.test(text)) continue;
    configMapsOf(parseYamlDocuments(text), `in ${path.basename(f)}`, maps);
  }
  return maps;
}

function k8sContainers(doc: Document.Parsed, c: Ctx, ctx: AnalysisContext, configMaps: () => ConfigMaps): Container[] {
  const kind = scalarText(valueOf(doc.contents, 'kind'));
  // A ConfigMap's data are environment entries of whichever container takes them (envFrom): Go values are checked
  // here, where they are written.
  const data = valueOf(doc.contents, 'data');
  if (kind === 'ConfigMap' && isMap(data)) {
    const name = pairOf(valueOf(doc.contents, 'metadata'), 'name');
    const nameRange = rangeOf(c, name?.value ?? data);
    if (nameRange === undefined) return [];
    const env: ContainerEnv[] = [];
    for (const p of data.items) {
      const k = scalarText(p.key);
      const e = k === undefined ? undefined : envEntry(c, k, p.key, p.value, p, scalarText(p.value));
      if (e !== undefined) env.push(e);
    }
    return [
      {
        name: `ConfigMap ${scalarText(name?.value) ?? ''}`.trim(),
        nameRange,
        env,
        envFiles: [],
        memoryLimit: undefined,
        cpuLimit: undefined,
        healthcheck: undefined,
        image: undefined,
        goSignal: undefined,
        addEnv: undefined,
      },
    ];
  }
  const specPath = kind === undefined ? undefined : POD_SPEC[kind];
  if (specPath === undefined) return [];
  const list = valueOf(dig(doc.contents, ...specPath), 'containers');
  if (!isSeq(list)) return [];
  const out: Container[] = [];
  for (const item of seqItems(list)) {
    if (!isMap(item)) continue;
    const namePair = pairOf(item, 'name');
    const name = scalarText(namePair?.value) ?? '(unnamed)';
    const nameRange = rangeOf(c, namePair?.value ?? item);
    if (nameRange === undefined) continue;
    const env: ContainerEnv[] = [];
    const envNode = valueOf(item, 'env');
    if (isSeq(envNode))
      for (const e of seqItems(envNode)) {
        const n = pairOf(e, 'name');
        const k = scalarText(n?.value);
        if (k === undefined || n === undefined) continue;
        const valueNode = valueOf(e, 'value');
        const ref = dig(e, 'valueFrom', 'resourceFieldRef');
        const entry = envEntry(
          c,
          k,
          n.value,
          valueNode ?? n.value,
          e,
          scalarText(valueNode) ?? (valueNode === undefined && ref === undefined ? '' : undefined),
        );
        if (entry === undefined) continue;
        const resource = scalarText(valueOf(ref, 'resource'));
        const refRange = rangeOf(c, valueOf(ref, 'resource'));
        const divisor = scalarText(valueOf(ref, 'divisor'));
        if (resource === undefined || refRange === undefined) env.push(entry);
        else
          env.push({
            ...entry,
            value: undefined,
            fieldRef: { resource, range: refRange, ...(divisor !== undefined ? { divisor } : {}) },
          });
      }
    // envFrom: a ConfigMap's entries, before env (explicit env entries win in Kubernetes).
    const envFrom = valueOf(item, 'envFrom');
    const fromEntries: ContainerEnv[] = [];
    let opaqueEnv = false;
    if (isSeq(envFrom))
      for (const src of seqItems(envFrom)) {
        const refName = scalarText(dig(src, 'configMapRef', 'name'));
        const range = rangeOf(c, dig(src, 'configMapRef', 'name'));
        const cm = refName === undefined ? undefined : configMaps().get(refName);
        if (cm === undefined || range === undefined) {
          opaqueEnv = true;
          continue;
        }
        const prefix = scalarText(valueOf(src, 'prefix')) ?? '';
        for (const [k, v] of cm.data)
          fromEntries.push({
            name: `${prefix}${k}`,
            nameRange: range,
            value: v,
            valueRange: range,
            exactOffset: undefined,
            statementRange: range,
            quote: yamlQuote,
            note: `ConfigMap ${refName} ${cm.where}`,
          });
      }
    env.unshift(...fromEntries);
    const limits = dig(item, 'resources', 'limits');
    const image = scalarText(valueOf(item, 'image'));
    out.push({
      name,
      nameRange,
      env,
      envFiles: [],
      memoryLimit: limit(
        c,
        valueOf(limits, 'memory'),
        'resources.limits.memory',
        parseK8sQuantity,
        'Kubernetes quantity (`512Mi`, `1G`)',
      ),
      cpuLimit: limit(
        c,
        valueOf(limits, 'cpu'),
        'resources.limits.cpu',
        parseK8sQuantity,
        'Kubernetes quantity (`500m`, `2`)',
      ),
      healthcheck: undefined,
      image: imageOf(image),
      goSignal: goSignalOf(env, image, false, ctx),
      addEnv: addToEnvList(c, envNode),
      ...(opaqueEnv ? { opaqueEnv } : {}),
    });
    // Requests are quantities too: a malformed one is rejected by the API server.
    const requests = dig(item, 'resources', 'requests');
    limit(
      c,
      valueOf(requests, 'memory'),
      'resources.requests.memory',
      parseK8sQuantity,
      'Kubernetes quantity (`512Mi`, `1G`)',
    );
    limit(c, valueOf(requests, 'cpu'), 'resources.requests.cpu', parseK8sQuantity, 'Kubernetes quantity (`500m`, `2`)');
  }
  return out;
}

/** The Go values of every container's environment, as one scope (like a Dockerfile's stages). */
export function containersGoValues(
  containers: readonly Container[],
  index: LineIndex,
  goVersion: GoValues['goVersion'],
): GoValues {
  const bindings: EnvBinding[] = [];
  // An entry shared through an anchor is one binding, however many services use it.
  const seen = new Set<string>();
  for (const ct of containers)
    for (const e of ct.env) {
      // Entries written in another file (a ConfigMap) are checked there, not here.
      const replaceValue = e.replaceValue;
      if (e.value === undefined || replaceValue === undefined) continue;
      const at = `${e.statementRange.start.line}:${e.statementRange.start.character}`;
      if (seen.has(at)) continue;
      seen.add(at);
      const value = e.value;
      bindings.push({
        name: e.name,
        nameRange: e.nameRange,
        value,
        literal: value,
        valueRange: e.valueRange,
        exactOffset: e.exactOffset,
        statementRange: e.statementRange,
        replaceValue: (v: string): TextEdit =>
          e.exactOffset !== undefined
            ? replace(index.range(e.exactOffset, e.exactOffset + value.length), v)
            : replace(e.valueRange, e.quote(v)),
        remove: (): TextEdit => deleteLines(index, e.statementRange),
      });
    }
  const first = containers.find((ct) => ct.addEnv !== undefined);
  return {
    surface: 'env-file',
    // Compose interpolates `${VAR}`; Kubernetes expands `$(VAR)`: a value with `$` is not judged as written.
    expanding: true,
    bindings,
    goVersion,
    index,
    appendBinding: (name, value) =>
      first?.addEnv?.(name, value) ?? replace(index.range(index.text.length, index.text.length), ''),
  };
}

function prepareYaml(
  doc: SourceDocument,
  index: LineIndex,
  ctx: AnalysisContext,
  surface: 'compose' | 'kubernetes',
): Prepared | NotThisLanguage {
  const helm = doc.text.indexOf('{{');
  if (helm !== -1)
    return {
      language: 'not-this-language',
      range: index.range(helm, helm + 2),
      reason: 'This file is a Helm template (`{{`): it is not YAML until rendered, so it is not linted',
    };
  const c: Ctx = { text: doc.text, index, problems: [] };
  const docs = parseYamlDocuments(doc.text);
  const containers: Container[] = [];
  const comments: Token[] = [];
  const statements: Range[] = [];
  let configMaps: ConfigMaps | undefined;
  const maps = (): ConfigMaps => (configMaps ??= findConfigMaps(docs, doc.path, ctx));
  for (const d of docs) {
    if (surface === 'compose') containers.push(...composeContainers(d, c, doc.path, ctx));
    else containers.push(...k8sContainers(d, c, ctx, maps));
  }
  // Comments: `#` to the end of a line, outside quotes (suppression comments are whole-line comments).
  for (let line = 0; line < index.lineCount; line++) {
    const start = index.lineStart(line);
    const end = index.lineContentEnd(line);
    const m = /^[ \t]*#/.exec(doc.text.slice(start, end));
    if (m !== null) comments.push(new SourceToken(index, start + m[0].length - 1, end));
  }
  // Statements (where a suppression comment above applies): containers, entries, limits, env files, health checks.
  for (const ct of containers) {
    statements.push(ct.nameRange);
    for (const e of ct.env) statements.push(e.statementRange);
    for (const f of ct.envFiles) statements.push(f.range);
    for (const l of [ct.memoryLimit, ct.cpuLimit, ct.healthcheck]) if (l !== undefined) statements.push(l.range);
  }
  for (const p of c.problems) statements.push(p.range);
  statements.sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character);
  const input: ContainersInput = { surface, containers, quantityProblems: c.problems };
  return {
    language: surface,
    comments,
    statements,
    inputs: {
      containers: input,
      'go-values': containersGoValues(containers, index, ctx.project.goVersion(doc.path, ctx.settings)),
    },
  };
}

export function prepareCompose(
  doc: SourceDocument,
  index: LineIndex,
  ctx: AnalysisContext,
): Prepared | NotThisLanguage {
  return prepareYaml(doc, index, ctx, 'compose');
}

export function prepareKubernetes(
  doc: SourceDocument,
  index: LineIndex,
  ctx: AnalysisContext,
): Prepared | NotThisLanguage {
  return prepareYaml(doc, index, ctx, 'kubernetes');
}
