// Owns analyze(): one document version in, its language, tree and findings out (suppressions applied).
import { append } from '../text/append';
import { LineIndex, comparePositions } from '../text/line-index';
import { isLanguageId, detectLanguage, type LanguageId } from '../languages/language-id';
import type { SourceDocument } from '../languages/source-document';
import { prepareDotenv } from '../languages/dotenv';
import { prepareBinfmt } from '../languages/binfmt';
import { prepareShellscript } from '../languages/shellscript';
import { prepareDockerfile } from '../languages/dockerfile';
import { prepareSystemd } from '../languages/systemd';
import { prepareHostReport } from '../languages/host-report';
import { allRules, knownCodes } from '../rules/index';
import { runRule, type Finding, type Rule, type RuleInputs, type RuleLanguage } from '../rules/rule';
import type { EngineInput } from '../rules/engine/engine-input';
import { findSuppressions, isSuppressed } from './suppressions';
import type { AnalysisContext, Prepared } from './prepared';

export interface Analysis {
  readonly uri: string;
  readonly version: number;
  readonly language: LanguageId | undefined;
  readonly index: LineIndex;
  readonly prepared: Prepared | undefined;
  readonly findings: readonly Finding[];
  /** True when the document reached MAX_FINDINGS and the remaining rules did not run to the end. */
  readonly truncated?: boolean;
}

/** Findings kept per document version; past it rules stop (about 1 KB each: 10⁵ is 100 MB of heap). */
export const MAX_FINDINGS = 100_000;

type Surface = (doc: SourceDocument, index: LineIndex, ctx: AnalysisContext) => Prepared;

/** Language surfaces; systemd, binfmt and Dockerfile plug in here. */
const SURFACES: Partial<Record<LanguageId, Surface>> = {
  dotenv: prepareDotenv,
  binfmt: prepareBinfmt,
  shellscript: prepareShellscript,
  dockerfile: prepareDockerfile,
  'systemd-unit': prepareSystemd,
  'host-report': prepareHostReport,
};

export function languageOf(doc: SourceDocument): LanguageId | undefined {
  if (isLanguageId(doc.languageId)) return doc.languageId;
  return doc.path === undefined ? undefined : detectLanguage(doc.path);
}

/** First NUL or U+FFFD (invalid UTF-8 decoded by the editor or the CLI). */
export function findUnreadable(text: string): { offset: number; reason: string } | undefined {
  const m = /[\u0000\ufffd]/.exec(text);
  if (m === null) return undefined;
  return m[0] === '\u0000' ? { offset: m.index, reason: 'File contains a NUL byte here: it is binary, not text' } : { offset: m.index, reason: 'File is not valid UTF-8 here' };
}

export function analyze(doc: SourceDocument, ctx: AnalysisContext): Analysis {
  const index = new LineIndex(doc.text);
  const language = languageOf(doc);
  const surface = language === undefined ? undefined : SURFACES[language];
  const enabled = (rule: Rule): boolean => ctx.settings.rules[rule.id] !== 'off';
  const onError = (rule: Rule, error: unknown): void => ctx.onRuleError?.(rule.id, error);
  if (surface === undefined) return { uri: doc.uri, version: doc.version, language, index, prepared: undefined, findings: [] };

  const unreadable = findUnreadable(doc.text);
  if (unreadable !== undefined) {
    const engine: EngineInput = {
      unparsable: { range: index.range(unreadable.offset, unreadable.offset + 1), reason: unreadable.reason },
      suppressions: [],
      knownCodes: knownCodes(),
      reportUnusedSuppressions: false,
    };
    const findings = allRules.filter((r) => r.id === 'GDL001' && enabled(r)).flatMap((r) => runOne(r, { engine }, onError));
    return { uri: doc.uri, version: doc.version, language, index, prepared: undefined, findings };
  }

  const prepared = surface(doc, index, ctx);
  if (prepared.notThisLanguage !== undefined) {
    const engine: EngineInput = { unparsable: { ...prepared.notThisLanguage, severity: 'information' }, suppressions: [], knownCodes: knownCodes(), reportUnusedSuppressions: false };
    const findings = allRules.filter((r) => r.id === 'GDL001' && enabled(r)).flatMap((r) => runOne(r, { engine }, onError));
    return { uri: doc.uri, version: doc.version, language, index, prepared, findings };
  }
  const raw: Finding[] = [];
  for (const rule of allRules) {
    if (rule.language === 'engine' || !enabled(rule)) continue;
    if (raw.length >= MAX_FINDINGS) break;
    append(raw, runOne(rule, prepared.inputs, onError, MAX_FINDINGS - raw.length));
  }
  const truncated = raw.length >= MAX_FINDINGS;
  const suppressions = findSuppressions(prepared.comments, () => prepared.statements, index);
  const kept = raw.filter((f) => !isSuppressed(suppressions, f.rule.id, f.range));
  const engine: EngineInput = { unparsable: undefined, suppressions, knownCodes: knownCodes(), reportUnusedSuppressions: ctx.settings.reportUnusedSuppressions };
  for (const rule of allRules) {
    if (rule.language !== 'engine' || !enabled(rule)) continue;
    append(kept, runOne(rule, { engine }, onError));
  }
  kept.sort((a, b) => comparePositions(a.range.start, b.range.start) || a.rule.id.localeCompare(b.rule.id));
  return { uri: doc.uri, version: doc.version, language, index, prepared, findings: kept, ...(truncated ? { truncated } : {}) };
}

function runOne(rule: Rule, inputs: Partial<RuleInputs>, onError: (rule: Rule, error: unknown) => void, limit = Infinity): Finding[] {
  const input = inputs[rule.language as RuleLanguage];
  if (input === undefined) return [];
  // The union of rule languages is checked by defineRule; here the input matches rule.language by construction.
  return runRule(rule as never, input as never, onError, limit);
}
