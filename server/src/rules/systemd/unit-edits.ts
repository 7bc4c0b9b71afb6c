// Owns edits and lookups shared by the unit rules: deleting or moving an assignment, finding a section, closest names.
import type { TextEdit } from '../../text/edits';
import type { LineIndex } from '../../text/line-index';
import type { UnitAssignment, UnitFile } from '../../parsers/systemd/ast';

/** Deletes the whole logical line of an assignment (continuations included). */
export function deleteAssignment(index: LineIndex, a: UnitAssignment): TextEdit {
  const start = { line: a.range.start.line, character: 0 };
  const endLine = a.range.end.line + 1;
  if (endLine < index.lineCount) return { range: { start, end: { line: endLine, character: 0 } }, newText: '' };
  const prev = a.range.start.line > 0 ? index.positionAt(index.lineContentEnd(a.range.start.line - 1)) : start;
  return { range: { start: prev, end: index.positionAt(index.text.length) }, newText: '' };
}

/** Inserts a line at the end of a section (creating the section at the end of the file when it is missing). */
export function appendToSection(file: UnitFile, index: LineIndex, section: string, line: string): TextEdit {
  const s = file.sections.find((x) => x.name.text === section);
  const eol = index.text.includes('\r\n') ? '\r\n' : '\n';
  if (s === undefined) {
    const end = index.positionAt(index.text.length);
    const lead = index.text.endsWith('\n') || index.text === '' ? '' : eol;
    return { range: { start: end, end }, newText: `${lead}${eol}[${section}]${eol}${line}${eol}` };
  }
  const last = s.assignments[s.assignments.length - 1];
  const after = (last?.range ?? s.header).end.line + 1;
  if (after >= index.lineCount) {
    const end = index.positionAt(index.text.length);
    return { range: { start: end, end }, newText: `${index.text.endsWith('\n') ? '' : eol}${line}${eol}` };
  }
  const at = { line: after, character: 0 };
  return { range: { start: at, end: at }, newText: `${line}${eol}` };
}

/** Inserts a line right above an assignment. */
export function insertAbove(index: LineIndex, a: UnitAssignment, line: string): TextEdit {
  const eol = index.text.includes('\r\n') ? '\r\n' : '\n';
  const at = { line: a.range.start.line, character: 0 };
  return { range: { start: at, end: at }, newText: `${line}${eol}` };
}

/** Replaces the value of an assignment (all continuation lines). */
export function replaceValueOf(a: UnitAssignment, newValue: string): TextEdit {
  return {
    range: a.value.text === '' ? { start: a.key.range.end, end: a.range.end } : a.value.range,
    newText: a.value.text === '' ? `=${newValue}` : newValue,
  };
}

/** The original text of an assignment with a different key. */
export function withKey(a: UnitAssignment, key: string, value: string = a.value.text): string {
  return `${key}=${value}`;
}
