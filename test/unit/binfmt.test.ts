// binfmt: parser renderings, ELF decoding, precedence across binfmt.d directories, hover text and embedded strings.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseRegistration } from '../../server/src/parsers/binfmt/registration';
import { decodeElf, describeElf } from '../../server/src/knowledge/elf';
import { QEMU_ARCHES } from '../../server/src/knowledge/qemu-binfmt';
import { binfmtOrder } from '../../server/src/workspace/binfmt-index';
import { compareOrder } from '../../server/src/parsers/binfmt/input';
import fc from 'fast-check';
import { LineIndex } from '../../server/src/text/line-index';
import { binfmtDNames, parseBinfmtD } from '../../server/src/parsers/binfmt/parse-binfmt-d';
import { FsProject } from '../../server/src/workspace/project';
import { hover } from '../../server/src/lsp/hover/index';
import { lintText } from '../support/lint-text';

const render = (raw: string): string => {
  const r = parseRegistration(raw);
  if (r.rejection !== undefined)
    return `${r.rejection.errno} ${r.rejection.code} ${r.rejection.start}-${r.rejection.end}`;
  return `${r.kind} name ${r.name?.text} off ${r.offset} magic ${r.magic?.length} mask ${r.mask?.length ?? '-'} interp ${r.interpreter?.text} flags ${r.flags}`;
};

test('fields, decoded bytes and flags', () => {
  assert.equal(
    render(':qemu-arm:M::\\x7fELF\\x01:\\xff\\xff\\xff\\xff\\xfe:/usr/bin/qemu-arm-static:OCF\n'),
    'M name qemu-arm off 0 magic 5 mask 5 interp /usr/bin/qemu-arm-static flags OCF',
  );
  assert.equal(render(':c:M::ab::/b:C\n'), 'M name c off 0 magic 2 mask - interp /b flags OC');
  assert.equal(render(':e:E:junk:go:junk:/b:\n'), 'E name e off 0 magic undefined mask - interp /b flags ');
  assert.equal(render(':s:M::\\\\x41::/b:\n'), 'M name s off 0 magic 2 mask - interp /b flags ');
});

test('rejections carry errno, code and the offending span', () => {
  assert.equal(render(':a:M::x::\n'), 'EINVAL GDL301 0-10');
  assert.equal(render('Pa:M::x::/b:\n'), 'EINVAL GDL302 0-1');
  assert.equal(render(':a:M::x::/bin/true\n'), 'EINVAL GDL303 0-19');
  assert.equal(render(':a:M::\\x4::/b:\n'), 'EINVAL GDL308 6-9');
  assert.equal(render(':a:M:255:xy::/b:\n'), 'EINVAL GDL307 5-11');
  assert.equal(render(':a:M::x::/b:F\r\n'), 'EINVAL GDL313 13-15');
  assert.equal(render(':register:M::x::/b:\n'), 'EEXIST GDL304 1-9');
});

test('ELF decoding of every qemu pattern pins class, data and machine', () => {
  for (const q of QEMU_ARCHES) {
    const r = parseRegistration(`:x:M::${q.magic}:${q.mask}:/x:\n`);
    assert.equal(r.rejection, undefined, q.arch);
    const elf = decodeElf(0, r.magic ?? [], r.mask);
    assert.deepEqual(elf.unconstrained, [], q.arch);
  }
  const a = parseRegistration(`:x:M::${QEMU_ARCHES[0]?.magic ?? ''}:${QEMU_ARCHES[0]?.mask ?? ''}:/x:\n`);
  assert.equal(describeElf(decodeElf(0, a.magic ?? [], a.mask)), '64-bit LSB ELF, EXEC or DYN, machine aarch64 (183)');
  assert.deepEqual(decodeElf(0, [0x7f, 0x45, 0x4c, 0x46], undefined).unconstrained, ['class', 'data', 'machine']);
});

test('systemd-binfmt order: /etc shadows /usr/lib of the same name; otherwise by basename', () => {
  const all = [
    '/w/usr/lib/binfmt.d/qemu-arm.conf',
    '/w/etc/binfmt.d/qemu-arm.conf',
    '/w/usr/lib/binfmt.d/zz.conf',
    '/w/run/binfmt.d/aa.conf',
  ];
  assert.deepEqual(binfmtOrder('/w/usr/lib/binfmt.d/qemu-arm.conf', all), [-1]);
  assert.ok(
    compareOrder(binfmtOrder('/w/usr/lib/binfmt.d/zz.conf', all), binfmtOrder('/w/etc/binfmt.d/qemu-arm.conf', all)) >
      0,
  );
  assert.ok(
    compareOrder(binfmtOrder('/w/run/binfmt.d/aa.conf', all), binfmtOrder('/w/etc/binfmt.d/qemu-arm.conf', all)) < 0,
  );
});

test('GDL324 across workspace files follows the precedence', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-binfmt-'));
  try {
    const line = (interp: string): string =>
      `:qemu-arm:M::\\x7fELF\\x01\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\x28\\x00::${interp}:F\n`;
    for (const [dir, name, interp] of [
      ['usr/lib/binfmt.d', '10-qemu.conf', '/usr/bin/qemu-arm-static'],
      ['etc/binfmt.d', '20-local.conf', '/opt/qemu/arm'],
    ] as const) {
      fs.mkdirSync(path.join(root, dir), { recursive: true });
      fs.writeFileSync(path.join(root, dir, name), line(interp));
    }
    const project = new FsProject([root]);
    const lower = path.join(root, 'usr/lib/binfmt.d/10-qemu.conf');
    const a = lintText(fs.readFileSync(lower, 'utf8'), { file: lower, project }).findings.filter(
      (f) => f.rule.id === 'GDL324',
    );
    assert.equal(a.length, 1);
    // The file is named as it sits on the host, not by the workspace path (shorter, and the same in every clone).
    assert.match(a[0]?.message ?? '', /registered again in \/etc\/binfmt\.d\/20-local\.conf, /);
    assert.equal(a[0]?.message.includes(root), false);
    assert.match(a[0]?.related[0]?.uri ?? '', /20-local\.conf$/);
    const upper = path.join(root, 'etc/binfmt.d/20-local.conf');
    assert.deepEqual(
      lintText(fs.readFileSync(upper, 'utf8'), { file: upper, project }).findings.filter((f) => f.rule.id === 'GDL324'),
      [],
    );
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('hover decodes a registration and explains a rejection', () => {
  const file = '/w/usr/lib/binfmt.d/qemu-aarch64.conf';
  const good = `:qemu-aarch64:M::${QEMU_ARCHES[0]?.magic ?? ''}:${QEMU_ARCHES[0]?.mask ?? ''}:/usr/bin/qemu-aarch64-static:F\n`;
  const h = hover(lintText(good, { file }), { line: 0, character: 3 });
  const md = (h?.contents as { value: string } | undefined)?.value ?? '';
  assert.match(md, /matches: 64-bit LSB ELF, EXEC or DYN, machine aarch64 \(183\)/);
  assert.match(md, /F \(fix binary/);
  const bad = hover(lintText(':x:M::\\x7::/b:\n', { file }), { line: 0, character: 1 });
  assert.match((bad?.contents as { value: string } | undefined)?.value ?? '', /refuses this with EINVAL/);
});

test('embedded strings: printf through tee, echo -e under bash, and dash echo without -e', () => {
  const sh = "#!/bin/bash\nprintf ':a:M::\\\\x7fELF::/b:\\n' | tee /proc/sys/fs/binfmt_misc/register >/dev/null\n";
  const f = lintText(sh, { file: '/w/register.sh' }).findings.map((x) => x.rule.id);
  assert.ok(f.includes('GDL320'), f.join(','));
  const dash = "#!/bin/sh\necho '-n' ':a:M::x::/b:'\necho ':ab:M::x::/b:' >> /proc/sys/fs/binfmt_misc/register\n";
  assert.deepEqual(
    lintText(dash, { file: '/w/ok.sh' }).findings.map((x) => x.rule.id),
    [],
  );
});

test('the workspace index reads the same names and ranges from a binfmt.d file as the full parse', () => {
  const line = fc.oneof(
    fc.constantFrom(
      ':qemu-aarch64:M::\\x7fELF\\x02:\\xff\\xff\\xff:/usr/bin/qemu-aarch64-static:F',
      ':a/b:E::x::/bin/x:',
      '::E::x::/bin/x:',
      'Pname:E::x::/bin/x:',
      ':short',
      '# :commented:E::x::/bin/x:',
      '  :spaced:E::go::/usr/bin/go:  ',
      ':nodelimiter-after-name-at-all-here',
    ),
    fc.string({ maxLength: 40 }),
  );
  fc.assert(
    fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
      const index = new LineIndex(lines.join('\n'));
      const full = parseBinfmtD(index).ast.registrations.flatMap((r) => {
        const n = r.registration.name;
        return n === undefined ? [] : [{ name: n.text, range: r.rangeOf(n.start, n.end) }];
      });
      assert.deepEqual(binfmtDNames(index), full);
    }),
    { numRuns: 2000 },
  );
});
