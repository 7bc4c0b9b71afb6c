// Owns finding registration strings written to binfmt_misc/register by echo or printf, as the kernel will receive them.
import { C_ESCAPES } from '../../knowledge/c-escapes';
import { append } from '../../text/append';
import type { LineIndex } from '../../text/line-index';
import type { SimpleCommand, ShellWord } from '../shell/words';
import type { BinfmtSurface, RegistrationNode } from './ast';
import { parseRegistration } from './registration';

/** Which echo runs: bash and busybox take -n/-e/-E; dash (Debian's /bin/sh) takes only -n and always decodes escapes. */
export type ShellFlavor = 'bash' | 'dash' | 'busybox';

const REGISTER = /(^|\/)binfmt_misc\/register$/;

interface Payload {
  readonly text: string;
  /** Document offset where each byte's source starts; -1 for bytes the command adds (echo's newline). */
  readonly map: readonly number[];
  /** Document offset where each byte's source ends (an escape such as `\\x7f` spans four characters). */
  readonly ends: readonly number[];
  readonly note: string;
}

/** Backslash escapes of echo -e / dash echo / printf: returns decoded text with the map kept. */
function unescape(
  value: string,
  map: readonly number[],
  opts: { hex: boolean; octalNeedsZero: boolean },
): { text: string; map: number[]; ends: number[]; stop: boolean } {
  let text = '';
  const out: number[] = [];
  const ends: number[] = [];
  const endOf = (k: number): number => ((map[k] ?? -1) < 0 ? -1 : (map[k] ?? 0) + 1);
  const simple: Record<string, string> = {
    ...C_ESCAPES,
    e: '\x1b',
  };
  for (let i = 0; i < value.length; i++) {
    const at = map[i] ?? -1;
    if (value[i] !== '\\' || i + 1 >= value.length) {
      text += value[i];
      out.push(at);
      ends.push(endOf(i));
      continue;
    }
    const n = value[i + 1] ?? '';
    if (n === 'c') return { text, map: out, ends, stop: true };
    if (simple[n] !== undefined) {
      text += simple[n];
      out.push(at);
      ends.push(endOf(i + 1));
      i++;
      continue;
    }
    if (n === 'x' && opts.hex) {
      const m = /^[0-9A-Fa-f]{1,2}/.exec(value.slice(i + 2));
      if (m !== null) {
        text += String.fromCharCode(parseInt(m[0], 16));
        out.push(at);
        ends.push(endOf(i + 1 + m[0].length));
        i += 1 + m[0].length;
        continue;
      }
    }
    const oct = (opts.octalNeedsZero ? /^0([0-7]{0,3})/ : /^([0-7]{1,3})/).exec(value.slice(i + 1));
    if (oct !== null) {
      text += String.fromCharCode(parseInt(oct[1] === '' ? '0' : (oct[1] ?? '0'), 8) & 0xff);
      out.push(at);
      ends.push(endOf(i + oct[0].length));
      i += oct[0].length;
      continue;
    }
    text += '\\';
    out.push(at);
    ends.push(endOf(i));
  }
  return { text, map: out, ends, stop: false };
}

function echoPayload(words: readonly ShellWord[], flavor: ShellFlavor): Payload | undefined {
  let i = 1;
  let newline = true;
  let escapes = flavor === 'dash';
  const opts: string[] = [];
  while (i < words.length) {
    const w = words[i]?.value ?? '';
    const ok = flavor === 'dash' ? /^-n+$/.test(w) : /^-[neE]+$/.test(w);
    if (!ok) break;
    for (const ch of w.slice(1)) {
      if (ch === 'n') newline = false;
      if (ch === 'e') escapes = true;
      if (ch === 'E') escapes = false;
    }
    opts.push(w);
    i++;
  }
  const args = words.slice(i);
  if (args.some((w) => w.dynamic)) return undefined;
  let text = '';
  let map: number[] = [];
  let ends: number[] = [];
  args.forEach((w, k) => {
    if (k > 0) {
      text += ' ';
      map.push(w.start - 1);
      ends.push(w.start);
    }
    text += w.value;
    append(map, w.map);
    append(
      ends,
      w.map.map((m) => m + 1),
    );
  });
  let note = `${flavor === 'dash' ? '/bin/sh (dash)' : flavor} echo${opts.length ? ` ${opts.join(' ')}` : ''}`;
  if (escapes) {
    const u = unescape(text, map, { hex: flavor !== 'dash', octalNeedsZero: true });
    text = u.text;
    map = u.map;
    ends = u.ends;
    if (u.stop) newline = false;
    note += ' decodes backslash escapes before the kernel sees them';
  } else {
    note += ' passes backslashes through unchanged';
  }
  if (flavor === 'dash' && words.slice(1).some((w) => /^-[neE]*e[neE]*$/.test(w.value)))
    note += '; dash has no `-e` option and prints it literally';
  if (newline) {
    text += '\n';
    map.push(-1);
    ends.push(-1);
    note += ', and appends a newline';
  }
  return { text, map, ends, note };
}

function printfPayload(words: readonly ShellWord[]): Payload | undefined {
  const format = words[1];
  if (format === undefined || words.slice(1).some((w) => w.dynamic)) return undefined;
  const args = words.slice(2);
  let text = '';
  const map: number[] = [];
  const ends: number[] = [];
  const f = unescape(format.value, format.map, { hex: true, octalNeedsZero: false });
  let arg = 0;
  for (let i = 0; i < f.text.length; i++) {
    const c = f.text[i];
    if (c !== '%') {
      text += c;
      map.push(f.map[i] ?? -1);
      ends.push(f.ends[i] ?? -1);
      continue;
    }
    const d = f.text[i + 1];
    if (d === '%') {
      text += '%';
      map.push(f.map[i] ?? -1);
      ends.push(f.ends[i + 1] ?? -1);
      i++;
      continue;
    }
    if (d === 's' || d === 'b') {
      const a = args[arg++];
      if (a !== undefined) {
        const v =
          d === 'b'
            ? unescape(a.value, a.map, { hex: true, octalNeedsZero: true })
            : { text: a.value, map: [...a.map], ends: a.map.map((m) => m + 1) };
        text += v.text;
        append(map, v.map);
        append(ends, v.ends);
      }
      i++;
      continue;
    }
    return undefined;
  }
  return { text, map, ends, note: 'printf decodes the escapes of its format before the kernel sees them' };
}

/** Registrations written by `echo …`/`printf …` to …/binfmt_misc/register, directly or through `tee`. */
export function embeddedRegistrations(
  commands: readonly SimpleCommand[],
  index: LineIndex,
  opts: { surface: BinfmtSurface; flavor: ShellFlavor },
): RegistrationNode[] {
  const out: RegistrationNode[] = [];
  for (const cmd of commands) {
    const toRegister =
      cmd.redirects.some((r) => (r.op === '>' || r.op === '>>' || r.op === '>|') && REGISTER.test(r.target.value)) ||
      (cmd.pipeTo !== undefined &&
        /(^|\/)tee$/.test(cmd.pipeTo.words[0]?.value ?? '') &&
        cmd.pipeTo.words.slice(1).some((w) => REGISTER.test(w.value)));
    if (!toRegister) continue;
    const name = cmd.words[0]?.value ?? '';
    const payload = /(^|\/)echo$/.test(name)
      ? echoPayload(cmd.words, opts.flavor)
      : /(^|\/)printf$/.test(name)
        ? printfPayload(cmd.words)
        : undefined;
    if (payload === undefined || payload.text.length === 0) continue;
    const statement = index.range(cmd.start, cmd.end);
    const map = payload.map;
    const ends = payload.ends;
    const firstStart = (k: number): number => {
      for (let j = k; j < map.length; j++) if ((map[j] ?? -1) >= 0) return map[j] ?? -1;
      return -1;
    };
    const lastEnd = (k: number): number => {
      for (let j = k; j >= 0; j--) if ((ends[j] ?? -1) >= 0) return ends[j] ?? -1;
      return -1;
    };
    const verbatim =
      map.every((m, k) => m === -1 || k === 0 || m === (map[k - 1] ?? -2) + 1) && (map[0] ?? -1) >= 0
        ? map[0]
        : undefined;
    out.push({
      surface: opts.surface,
      registration: parseRegistration(payload.text),
      rangeOf: (s, e) => {
        const a = firstStart(Math.min(s, map.length - 1));
        const b = lastEnd(Math.min(Math.max(e - 1, s), map.length - 1));
        if (a < 0 || b < 0 || b <= a) return statement;
        return index.range(a, b);
      },
      statement,
      verbatimOffset: verbatim,
      transformNote: payload.note,
    });
  }
  return out;
}
