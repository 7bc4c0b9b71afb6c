// Owns analyze(): one document version in, its language, tree and findings out (suppressions applied).
import { append } from '../text/append';
import { LineIndex, comparePositions } from '../text/line-index';
import { isLanguageId, isYamlFile, detectLanguage, type LanguageId } from '../workspace/language-id';
import type { SourceDocument } from '../languages/source-document';
import { prepareDotenv } from '../languages/dotenv';
import { prepareBinfmt } from '../languages/binfmt';
import { prepareShellscript } from '../languages/shellscript';
import { prepareDockerfile } from '../languages/dockerfile';
import { prepareSystemd } from '../languages/systemd';
import { prepareHostReport } from '../languages/host-report';
import { isKubernetesManifest, prepareCompose, prepareKubernetes } from '../languages/containers';
import { prepareQuadlet } from '../languages/quadlet';
import type { Settings } from '../settings';
import { allRules, knownCodes, rulesOf } from '../rules/index';
import { runRule, type Finding, type Rule, type RuleInputs } from '../rules/rule';
import type { EngineInput } from '../rules/engine/engine-input';
import { findSuppressions, type SuppressedCode, type Suppression } from '../parsers/suppressions';
import { codesCovering } from './suppressions';
import type { AnalysisContext, LineFacts, NotThisLanguage, Prepared } from '../languages/prepared';

export interface Analysis {
  readonly uri: string;
  readonly version: number;
  readonly language: LanguageId | undefined;
  readonly index: LineIndex;
  /** The surface's inputs; undefined when no surface ran (unknown language, unreadable or another format). */
  readonly prepared: Prepared | undefined;
  /** The suppression comments of the document, as parsed (empty when no surface ran). */
  readonly suppressions: readonly Suppression[];
  /**
   * What the user sees: findings not suppressed, of enabled rules, each with its effective severity (the user's
   * per-rule setting when there is one). Every front end reads these; none filters or re-ranks them again.
   */
  readonly findings: readonly Finding[];
  /** True when the document reached MAX_FINDINGS and the remaining rules did not run to the end. */
  readonly truncated?: boolean;
  /** True when `prepared` was dropped to save memory (compactAnalysis): findings are complete, inputs are not. */
  readonly compacted?: boolean;
  /** Of an env file or a unit: what a keystroke's re-analysis (incremental.ts) needs to know about its lines. */
  readonly lines?: LineFacts;
}

/**
 * What a document keeps between requests when it is not the one being edited: its findings, suppressions and line
 * index, without the parse tree and rule inputs (several times the text's size). Hover and the like re-analyse.
 */
export function compactAnalysis(analysis: Analysis): Analysis {
  return analysis.prepared === undefined ? analysis : { ...analysis, prepared: undefined, compacted: true };
}

/** Findings kept per document version; past it rules stop (about 1 KB each: 10⁵ is 100 MB of heap). */
export const MAX_FINDINGS = 100_000;

type Surface = (doc: SourceDocument, index: LineIndex, ctx: AnalysisContext) => Prepared | NotThisLanguage;

/** One surface per language: it parses the document once and hands its rule inputs over. */
const SURFACES: Partial<Record<LanguageId, Surface>> = {
  dotenv: prepareDotenv,
  binfmt: prepareBinfmt,
  shellscript: prepareShellscript,
  dockerfile: prepareDockerfile,
  'systemd-unit': prepareSystemd,
  'host-report': prepareHostReport,
  compose: prepareCompose,
  kubernetes: prepareKubernetes,
  quadlet: prepareQuadlet,
};

/**
 * The language a document is analysed as: ours when the editor says so; else what its path says (another
 * extension's id for a unit, plain text); a shell script or extension-less file that a unit names in
 * EnvironmentFile= is an env file, whatever language the editor shows it in.
 */
export function languageOf(doc: SourceDocument, project?: AnalysisContext['project']): LanguageId | undefined {
  const weak = doc.languageId === 'shellscript' || !isLanguageId(doc.languageId);
  if (weak && doc.path !== undefined && project?.referencedDialect(doc.path) !== undefined) return 'dotenv';
  if (isLanguageId(doc.languageId)) return doc.languageId;
  const byPath = doc.path === undefined ? undefined : detectLanguage(doc.path);
  if (byPath !== undefined) return byPath;
  // The Docker extension's id for Compose files; other YAML only when it holds a Kubernetes manifest.
  if (doc.languageId === 'dockercompose') return 'compose';
  const yaml = doc.languageId === 'yaml' || (doc.path !== undefined && isYamlFile(doc.path));
  return yaml && isKubernetesManifest(doc.text) ? 'kubernetes' : undefined;
}

/** First NUL or U+FFFD (invalid UTF-8 decoded by the editor or the CLI). */
export function findUnreadable(text: string): { offset: number; reason: string } | undefined {
  const m = /[\u0000\ufffd]/.exec(text);
  if (m === null) return undefined;
  return m[0] === '\u0000'
    ? { offset: m.index, reason: 'File contains a NUL byte here: it is binary, not text' }
    : { offset: m.index, reason: 'File is not valid UTF-8 here' };
}

export function analyze(doc: SourceDocument, ctx: AnalysisContext): Analysis {
  const index = new LineIndex(doc.text);
  const language = languageOf(doc, ctx.project);
  const surface = language === undefined ? undefined : SURFACES[language];
  const base = { uri: doc.uri, version: doc.version, language, index };
  if (surface === undefined) return { ...base, prepared: undefined, suppressions: [], findings: [] };

  const unreadable = findUnreadable(doc.text);
  if (unreadable !== undefined) {
    const range = index.range(unreadable.offset, unreadable.offset + 1);
    return {
      ...base,
      prepared: undefined,
      suppressions: [],
      findings: engineFindings({ ...NO_SUPPRESSIONS, unparsable: { range, reason: unreadable.reason } }, ctx),
    };
  }
  const prepared = surface(doc, index, ctx);
  if (prepared.language === 'not-this-language') {
    const unparsable = { range: prepared.range, reason: prepared.reason, severity: 'information' as const };
    return {
      ...base,
      prepared: undefined,
      suppressions: [],
      findings: engineFindings({ ...NO_SUPPRESSIONS, unparsable }, ctx),
    };
  }
  const raw: Finding[] = [];
  // Registry order across languages, so findings keep the order they had when one loop ran every rule.
  for (const rule of rulesToRun(Object.keys(prepared.inputs), ctx.settings)) {
    if (raw.length >= MAX_FINDINGS) break;
    append(raw, runOne(rule, prepared.inputs, ctx, MAX_FINDINGS - raw.length));
  }
  const truncated = raw.length >= MAX_FINDINGS;
  const suppressions = findSuppressions(prepared.comments, () => prepared.statements, index);
  const used = new Set<SuppressedCode>();
  const kept = raw.filter((f) => {
    const covering = codesCovering(suppressions, f.rule.id, f.range);
    for (const c of covering) used.add(c);
    return covering.length === 0;
  });
  const engine: EngineInput = {
    unparsable: undefined,
    suppressions,
    used,
    knownCodes: knownCodes(),
    reportUnusedSuppressions: ctx.settings.reportUnusedSuppressions,
  };
  append(kept, engineFindings(engine, ctx));
  kept.sort((a, b) => comparePositions(a.range.start, b.range.start) || a.rule.id.localeCompare(b.rule.id));
  // One literal and two assignments, not conditional spreads (which made every analysis build its result slowly).
  const analysis: { -readonly [K in keyof Analysis]: Analysis[K] } = {
    uri: doc.uri,
    version: doc.version,
    language,
    index,
    prepared,
    suppressions,
    findings: withUserSeverity(kept, ctx.settings),
  };
  if (truncated) analysis.truncated = true;
  if (prepared.lines !== undefined) analysis.lines = prepared.lines;
  return analysis;
}

/** Enabled rules of the given languages in registry order, per settings object (a file does not loop over all). */
const ruleLists = new WeakMap<Settings['rules'], Map<string, readonly Rule[]>>();

function rulesToRun(languages: readonly string[], settings: Settings): readonly Rule[] {
  let lists = ruleLists.get(settings.rules);
  if (lists === undefined) ruleLists.set(settings.rules, (lists = new Map<string, readonly Rule[]>()));
  const key = languages.join(' ');
  let list = lists.get(key);
  if (list === undefined) {
    const present = new Set(languages);
    list = allRules.filter((r) => present.has(r.language) && settings.rules[r.id] !== 'off');
    lists.set(key, list);
  }
  return list;
}

const NO_SUPPRESSIONS = {
  suppressions: [],
  used: new Set<SuppressedCode>(),
  knownCodes: knownCodes(),
  reportUnusedSuppressions: false,
} as const;

function enabled(rule: Rule, ctx: AnalysisContext): boolean {
  return ctx.settings.rules[rule.id] !== 'off';
}

function engineFindings(engine: EngineInput, ctx: AnalysisContext): Finding[] {
  const out: Finding[] = [];
  for (const rule of rulesOf('engine')) if (enabled(rule, ctx)) append(out, runOne(rule, { engine }, ctx));
  return withUserSeverity(out, ctx.settings);
}

/** The user's per-rule severity replaces the rule's own (rules set to `off` never ran). */
function withUserSeverity(findings: Finding[], settings: Settings): Finding[] {
  if (Object.keys(settings.rules).length === 0) return findings;
  return findings.map((f) => {
    const user = settings.rules[f.rule.id];
    return user === undefined || user === 'off' || user === f.severity ? f : { ...f, severity: user };
  });
}

function runOne(rule: Rule, inputs: Partial<RuleInputs>, ctx: AnalysisContext, limit = Infinity): Finding[] {
  const input = inputs[rule.language];
  if (input === undefined) return [];
  // The union of rule languages is checked by defineRule; here the input matches rule.language by construction.
  return runRule(rule as never, input as never, (r, error) => ctx.onRuleError?.(r.id, error), limit);
}
