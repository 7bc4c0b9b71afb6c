// Owns GDL311: E-type extensions the kernel refuses, and fields it silently ignores for E.
import { defineRule } from '../rule';
import { reportRejections } from './kernel-grammar';

export const invalidExtension = defineRule({
  id: 'GDL311',
  name: 'invalid-extension',
  language: 'binfmt',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'Extension registration is wrong',
    what: 'For `E` registrations, reports an extension containing `/` or starting with `.` (error), and `\\x` escapes or filled offset and mask fields (warning).',
    why: 'The extension is compared with the text after the last `.` of the path, so `.py` never matches; `/` is refused with EINVAL. The kernel does not decode `\\x` for extensions and skips the offset and mask fields entirely.',
    example: ':python:E::.py::/usr/bin/python3:\n',
    useInstead: ':python:E::py::/usr/bin/python3:\n',
    exampleFile: 'binfmt.d/example.conf',
  },
  check(input, report) {
    reportRejections(input, 'GDL311', report);
    for (const node of input.file.registrations) {
      const reg = node.registration;
      if (reg.rejection !== undefined || reg.kind !== 'E' || reg.magicField === undefined) continue;
      const ext = reg.magicField;
      if (ext.text.startsWith('.')) {
        report({
          range: node.rangeOf(ext.start, ext.start + 1),
          message: `The extension \`${ext.text}\` starts with \`.\`: the kernel compares the text after the last dot, so this never matches`,
        });
      }
      if (ext.text.includes('\\x')) {
        report({
          range: node.rangeOf(ext.start, ext.end),
          severity: 'warning',
          message: `\`\\x\` in the extension \`${ext.text}\` is not decoded for E registrations`,
        });
      }
      for (const f of [reg.offsetField, reg.maskField]) {
        if (f !== undefined && f.text !== '')
          report({
            range: node.rangeOf(f.start, f.end),
            severity: 'warning',
            message: `\`${f.text}\` is ignored: the kernel skips the offset and mask fields of E registrations`,
          });
      }
    }
  },
});
