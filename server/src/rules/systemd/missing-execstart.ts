// Owns GDL214: a service with no ExecStart= (counting its drop-ins in the workspace).
import { defineRule } from '../rule';
import { lastValue, mergedValues } from '../../parsers/systemd/input';

export const missingExecstart = defineRule({
  id: 'GDL214',
  name: 'missing-execstart',
  language: 'systemd',
  defaultSeverity: 'error',
  fixSafety: 'none',
  crossLineKeys: ['ExecStart', 'ExecStop', 'Type', 'SuccessAction'],
  docs: {
    summary: 'Service has no ExecStart=',
    what: 'Reports a .service unit with no `ExecStart=` in the unit or its drop-ins in the workspace (a `Type=oneshot` service may have only `ExecStop=`; `SuccessAction=` also counts).',
    why: 'systemd refuses it: "Service has no ExecStart=, ExecStop=, or SuccessAction=. Refusing."',
    example: '[Unit]\nDescription=API\n[Service]\nUser=api\n',
    useInstead: '[Unit]\nDescription=API\n[Service]\nUser=api\nExecStart=/usr/local/bin/api\n',
    exampleFile: 'api.service',
  },
  check(input, report) {
    if (input.isDropIn || input.unitType !== 'service') return;
    if (mergedValues(input, 'Service', 'ExecStart').length > 0) return;
    const oneshot = lastValue(input, 'Service', 'Type')?.value.trim() === 'oneshot';
    if (oneshot && mergedValues(input, 'Service', 'ExecStop').length > 0) return;
    if (lastValue(input, 'Unit', 'SuccessAction') !== undefined) return;
    const service = input.file.sections.find((s) => s.name.text === 'Service');
    const range = service?.name.range ?? input.file.sections[0]?.name.range ?? input.index.lineRange(0);
    report({
      range,
      message: `${input.unitName} has no \`ExecStart=\`${input.merged.some((m) => m.uri !== undefined) ? ' (drop-ins included)' : ''}; systemd refuses to start it`,
    });
  },
});
