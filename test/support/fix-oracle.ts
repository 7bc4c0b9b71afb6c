// Owns the fix-safety oracle: applies fixes one by one and checks, per language, that nothing but the target changed.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { applyEdits, sortEdits, type TextEdit } from '../../server/src/text/edits';
import { LineIndex } from '../../server/src/text/line-index';
import { parseEnvFile } from '../../server/src/parsers/dotenv/parse';
import { evaluateFile, type EnvDialect } from '../../server/src/parsers/dotenv/dialects';
import { parseUnitFile } from '../../server/src/parsers/systemd/parse';
import { selectFixes } from '../../server/src/analysis/fixes';
import type { Analysis } from '../../server/src/analysis/analyze';
import { lintText } from './lint-text';
import { isMap, isScalar, isSeq, parseYamlDocuments } from '../../server/src/parsers/yaml/yaml';

/** A thing a fix may change: a variable, a directive, an instruction, a registration; keyed so order can be compared. */
interface Item {
  readonly key: string;
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

type Region = readonly [number, number];

/** Rules whose purpose is to change what a registration matches (the others must keep matching the same files). */
const MATCHING_RULES: ReadonlySet<string> = new Set(['GDL320']);

export interface OracleOptions {
  readonly file: string;
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Compare `systemd-analyze verify` before and after on units (slow: one process per version). */
  readonly verify?: boolean;
}

export interface FixOutcome {
  readonly rule: string;
  readonly safe: boolean;
  readonly title: string;
  /** What changed that should not have; empty when the fix kept to its target. */
  readonly violations: readonly string[];
}

export interface FileOutcome {
  readonly file: string;
  readonly language: string | undefined;
  readonly fixes: readonly FixOutcome[];
  /** Violations of the combined safe fixes (fix-all, as on save). */
  readonly fixAll: readonly string[];
}

/** Where the edits land, before (in the original) and after (in the fixed text). */
function regionsOf(text: string, edits: readonly TextEdit[]): { before: Region[]; after: Region[] } {
  const index = new LineIndex(text);
  const before: Region[] = [];
  const after: Region[] = [];
  let delta = 0;
  for (const e of sortEdits(edits)) {
    const s = index.offsetAt(e.range.start);
    const t = index.offsetAt(e.range.end);
    before.push([s, t]);
    after.push([s + delta, s + delta + e.newText.length]);
    delta += e.newText.length - (t - s);
  }
  return { before, after };
}

function touches(item: Item, [s, e]: Region): boolean {
  if (s === e) return item.start < s && s < item.end;
  // A deletion right at the end of an item (the `\r` before a line break) changes that item.
  return item.start < e && s <= item.end;
}

function touchedKeys(items: readonly Item[], regions: readonly Region[]): Set<string> {
  return new Set(items.filter((i) => regions.some((r) => touches(i, r))).map((i) => i.key));
}

function sequences(items: readonly Item[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const i of items) m.set(i.key, [...(m.get(i.key) ?? []), i.value]);
  return m;
}

/** Keys outside the fix's target whose values changed. */
function untargetedChanges(
  before: readonly Item[],
  after: readonly Item[],
  edits: readonly TextEdit[],
  text: string,
): string[] {
  const { before: rb, after: ra } = regionsOf(text, edits);
  const allowed = new Set([...touchedKeys(before, rb), ...touchedKeys(after, ra)]);
  const a = sequences(before);
  const b = sequences(after);
  const out: string[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    if (allowed.has(key)) continue;
    const x = JSON.stringify(a.get(key) ?? []);
    const y = JSON.stringify(b.get(key) ?? []);
    if (x !== y) out.push(`${key} changed: ${x} → ${y}`);
  }
  return out;
}

// ---- YAML (Compose, Kubernetes): every scalar by its path, read by the yaml library; no new parse error

function yamlItems(text: string): { items: Item[]; errors: Set<string> } {
  const items: Item[] = [];
  const errors = new Set<string>();
  const walk = (node: unknown, key: string, start: number, end: number): void => {
    if (isMap(node))
      for (const p of node.items) {
        const k = isScalar(p.key) ? String(p.key.value) : '?';
        const r = [
          (p.key as { range?: number[] } | null)?.range?.[0] ?? start,
          (p.value as { range?: number[] } | null)?.range?.[1] ?? end,
        ];
        walk(p.value, `${key}.${k}`, r[0] ?? start, r[1] ?? end);
      }
    else if (isSeq(node))
      node.items.forEach((item, i) => {
        const r = (item as { range?: number[] } | null)?.range;
        walk(item, `${key}[${i}]`, r?.[0] ?? start, r?.[1] ?? end);
      });
    else items.push({ key, value: JSON.stringify(isScalar(node) ? node.value : null), start, end });
  };
  parseYamlDocuments(text).forEach((d, i) => {
    for (const e of d.errors) errors.add(e.code);
    walk(d.contents, `doc${i}`, 0, text.length);
  });
  return { items, errors };
}

// ---- env files: the effective environment in the file's dialect

function envItems(text: string, dialect: EnvDialect): Item[] {
  const index = new LineIndex(text);
  const file = parseEnvFile(text, index).ast;
  return evaluateFile(file, dialect).map((b) => ({
    key: b.entry.key.text,
    value: b.effect.kind === 'set' ? `set ${b.effect.value}` : b.effect.kind,
    start: index.offsetAt(b.entry.range.start),
    end: index.offsetAt(b.entry.range.end),
  }));
}

/** The effective environment: the last binding per key. */
function lastPerKey(items: readonly Item[]): Item[] {
  const m = new Map<string, Item>();
  for (const i of items) m.set(i.key, i);
  return [...items.filter((i) => m.get(i.key) === i)];
}

// ---- systemd units: every directive's values in order, and verify's complaints

function unitItems(text: string): Item[] {
  const index = new LineIndex(text);
  return parseUnitFile(index).ast.assignments.map((a) => ({
    key: `[${a.section?.name.text ?? ''}] ${a.key.text}`,
    value: a.value.text.trim(),
    start: index.offsetAt(a.range.start),
    end: index.offsetAt(a.range.end),
  }));
}

let verifyTmp: string | undefined;
const verifyCache = new Map<string, Set<string>>();

/** What `systemd-analyze verify` says about this unit text, without line numbers (they move with a fix). */
function verifyMessages(text: string, basename: string): Set<string> | undefined {
  const cacheKey = `${basename}\0${text}`;
  const cached = verifyCache.get(cacheKey);
  if (cached !== undefined) return cached;
  verifyTmp ??= fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-fix-oracle-'));
  const copy = path.join(verifyTmp, basename);
  fs.writeFileSync(copy, text);
  const r = spawnSync('systemd-analyze', ['verify', '--man=no', copy], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, SYSTEMD_LOG_COLOR: '0' },
  });
  fs.rmSync(copy, { force: true });
  if (r.error !== undefined) return undefined;
  const out = new Set<string>();
  for (const line of `${r.stderr}\n${r.stdout}`.split('\n')) {
    const m = /^(.*?):\d+: (.*)$/.exec(line);
    if (m?.[1]?.endsWith(basename) === true && m[2] !== undefined) out.add(m[2]);
  }
  verifyCache.set(cacheKey, out);
  return out;
}

export function cleanupOracle(): void {
  if (verifyTmp !== undefined) fs.rmSync(verifyTmp, { recursive: true, force: true });
  verifyTmp = undefined;
  verifyCache.clear();
}

// ---- Dockerfiles: instructions (ENV/ARG per variable) per stage, the user each RUN runs as, dockerfile-utils errors

function dockerItems(text: string): { items: Item[]; runUsers: string[] } {
  const index = new LineIndex(text);
  const items: Item[] = [];
  const runUsers: string[] = [];
  let stage = -1;
  let user = 'image default';
  for (const inst of DockerfileParser.parse(text).getInstructions()) {
    const kw = inst.getKeyword().toUpperCase();
    const r = inst.getRange();
    const at = { start: index.offsetAt(r.start), end: index.offsetAt(r.end) };
    if (kw === 'FROM') {
      stage++;
      user = 'image default';
    }
    const args = inst
      .getArguments()
      .map((a) => a.getValue())
      .join(' ');
    if (kw === 'USER') user = args;
    if (kw === 'RUN') runUsers.push(`stage ${stage}: ${user}`);
    const props =
      kw === 'ENV' || kw === 'ARG' || kw === 'LABEL'
        ? (
            inst as unknown as {
              getProperties(): {
                getName(): string;
                getValue(): string | null;
                getRange(): { start: never; end: never };
              }[];
            }
          ).getProperties()
        : [];
    if (props.length > 0) {
      for (const p of props) {
        const pr = p.getRange();
        items.push({
          key: `stage ${stage} ${kw} ${p.getName()}`,
          value: p.getValue() ?? '(no value)',
          start: index.offsetAt(pr.start),
          end: index.offsetAt(pr.end),
        });
      }
    } else items.push({ key: `stage ${stage} ${kw}`, value: args, ...at });
  }
  return { items, runUsers };
}

function dockerErrors(text: string): Set<string> {
  return new Set(
    validate(text)
      .filter((d) => d.severity === 1)
      .map((d) => String(d.message)),
  );
}

// ---- binfmt registrations: accepted by the kernel parser, and what they match

function binfmtItems(analysis: Analysis): Item[] {
  const p = analysis.prepared;
  const file = p !== undefined && 'binfmt' in p.inputs ? p.inputs.binfmt.file : undefined;
  if (file === undefined) return [];
  return file.registrations.map((n, i) => {
    const r = n.registration;
    const s = analysis.index.offsetAt(n.statement.start);
    const e = analysis.index.offsetAt(n.statement.end);
    return {
      key: `registration ${r.name?.text ?? `#${i}`}`,
      value: JSON.stringify({
        accepted: r.rejection === undefined,
        kind: r.kind,
        offset: r.offset,
        magic: r.magic,
        mask: r.mask,
        interpreter: r.interpreter?.text,
        flags: r.flags,
      }),
      start: s,
      end: e,
    };
  });
}

function matchOf(value: string): string {
  const v = JSON.parse(value) as { kind?: string; offset?: number; magic?: number[]; mask?: number[] };
  return JSON.stringify([v.kind, v.offset, v.magic, v.mask]);
}

/** Checks one fixed text against the original; `rule` names the fix's rule (undefined for fix-all). */
function compare(
  original: Analysis,
  fixedText: string,
  edits: readonly TextEdit[],
  rule: string | undefined,
  opts: OracleOptions,
): string[] {
  const text = original.index.text;
  const out: string[] = [];
  switch (original.language) {
    case 'dotenv': {
      const dialect = original.prepared?.language === 'dotenv' ? original.prepared.inputs.dotenv.dialect : 'dotenv';
      const before = lastPerKey(envItems(text, dialect));
      const after = lastPerKey(envItems(fixedText, dialect));
      // The touched keys are judged on all their bindings; the effective values of every other key must stay.
      const { before: rb, after: ra } = regionsOf(text, edits);
      const allowed = new Set([
        ...touchedKeys(envItems(text, dialect), rb),
        ...touchedKeys(envItems(fixedText, dialect), ra),
      ]);
      const a = new Map(before.map((i) => [i.key, i.value]));
      const b = new Map(after.map((i) => [i.key, i.value]));
      for (const key of new Set([...a.keys(), ...b.keys()])) {
        if (!allowed.has(key) && a.get(key) !== b.get(key)) out.push(`${key}: effective value changed`);
      }
      break;
    }
    case 'systemd-unit': {
      out.push(...untargetedChanges(unitItems(text), unitItems(fixedText), edits, text));
      const base = path.basename(opts.file);
      if (
        opts.verify === true &&
        !/\.d$/.test(path.dirname(opts.file)) &&
        /\.(service|socket|timer|path|mount|automount|swap|target|slice|scope)$/.test(base)
      ) {
        const name = base.replace(/^GDL\d{3}-/, 'u-');
        const x = verifyMessages(text, name);
        const y = verifyMessages(fixedText, name);
        if (x !== undefined && y !== undefined)
          for (const m of y) if (!x.has(m)) out.push(`systemd-analyze verify: new "${m}"`);
      }
      break;
    }
    case 'dockerfile': {
      const x = dockerItems(text);
      const y = dockerItems(fixedText);
      out.push(...untargetedChanges(x.items, y.items, edits, text));
      if (JSON.stringify(x.runUsers) !== JSON.stringify(y.runUsers))
        out.push(`a RUN runs as another user: ${JSON.stringify(x.runUsers)} → ${JSON.stringify(y.runUsers)}`);
      const errorsBefore = dockerErrors(text);
      for (const m of dockerErrors(fixedText)) if (!errorsBefore.has(m)) out.push(`dockerfile-utils: new error "${m}"`);
      break;
    }
    case 'compose':
    case 'kubernetes': {
      const x = yamlItems(text);
      const y = yamlItems(fixedText);
      out.push(...untargetedChanges(x.items, y.items, edits, text));
      for (const e of y.errors) if (!x.errors.has(e)) out.push(`yaml: new parse error ${e}`);
      break;
    }
    case 'quadlet':
      out.push(...untargetedChanges(unitItems(text), unitItems(fixedText), edits, text));
      break;
    default:
      break;
  }
  // Registrations, wherever they are written (binfmt.d, update-binfmts, shell, RUN, Exec lines).
  const fixedAnalysis = lintText(fixedText, opts);
  const rb = binfmtItems(original);
  const ra = binfmtItems(fixedAnalysis);
  if (rb.length > 0 || ra.length > 0) {
    out.push(...untargetedChanges(rb, ra, edits, text));
    const after = new Map(ra.map((i) => [i.key, i.value]));
    for (const i of rb) {
      const v = after.get(i.key);
      if (v === undefined) continue;
      const was = JSON.parse(i.value) as { accepted: boolean };
      const now = JSON.parse(v) as { accepted: boolean };
      if (was.accepted && !now.accepted) out.push(`${i.key}: the kernel parser now refuses it`);
      if (
        was.accepted &&
        now.accepted &&
        rule !== undefined &&
        !MATCHING_RULES.has(rule) &&
        matchOf(i.value) !== matchOf(v)
      )
        out.push(`${i.key}: matches other files now`);
    }
  }
  return out;
}

/** Checks an arbitrary edit of a document as if a rule's fix made it (for testing the oracle itself). */
export function checkEdits(text: string, edits: readonly TextEdit[], opts: OracleOptions, rule?: string): string[] {
  return compare(lintText(text, opts), applyEdits(text, edits), edits, rule, opts);
}

/** Applies each fix of each finding alone (safe ones, and suggestions when asked), then all safe fixes together. */
export function checkFixes(text: string, opts: OracleOptions & { readonly suggestions?: boolean }): FileOutcome {
  const analysis = lintText(text, opts);
  const fixes: FixOutcome[] = [];
  for (const f of analysis.findings) {
    for (const fix of f.fixes) {
      if (!fix.safe && opts.suggestions !== true) continue;
      const fixed = applyEdits(text, fix.edits);
      fixes.push({
        rule: f.rule.id,
        safe: fix.safe,
        title: fix.title,
        violations: fixed === text ? [] : compare(analysis, fixed, fix.edits, f.rule.id, opts),
      });
    }
  }
  const all = selectFixes(analysis.findings, { unsafe: false });
  const fixAll =
    all.edits.length === 0 ? [] : compare(analysis, applyEdits(text, all.edits), all.edits, undefined, opts);
  return { file: opts.file, language: analysis.language, fixes, fixAll };
}
