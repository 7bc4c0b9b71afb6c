// Owns GDL126: GODEBUG debugging knobs left in a deployment file.
import { defineRule } from '../rule';
import { GODEBUG_DEBUG_KNOBS } from '../../knowledge/go-env';
import { valueSubRange } from './input';
import { bindingsFor } from './go-values';
import { godebugEntries, godebugValue } from './godebug-entries';

export const godebugDebugSettingInProduction = defineRule({
  id: 'GDL126',
  name: 'godebug-debug-setting-in-production',
  language: 'go-values',
  defaultSeverity: 'information',
  fixSafety: 'none',
  docs: {
    summary: 'GODEBUG enables a debugging knob',
    what: 'Reports GODEBUG entries that turn on runtime debugging: tracing (`gctrace`, `schedtrace`, `inittrace`…), allocator debugging (`sbrk`, `efence`), or disabled safety checks (`invalidptr=0`, `cgocheck=0`, `asyncpreemptoff=1`).',
    why: 'These are for diagnosing the runtime: they flood stderr, slow the program down a lot, or remove checks that catch memory corruption.',
    example: 'GODEBUG=gctrace=1\n',
    useInstead: 'GODEBUG=\n',
  },
  check(scope, report) {
    for (const b of bindingsFor(scope, 'GODEBUG')) {
      for (const e of godebugEntries(b.literal).entries) {
        const knob = GODEBUG_DEBUG_KNOBS[e.key];
        if (knob === undefined || e.value === undefined || !knob.when(godebugValue(e.value))) continue;
        report({
          range: valueSubRange(scope, b, e.part.start, e.part.end),
          message: `\`${e.part.text}\` ${knob.what}; it is a debugging setting, not for production`,
        });
      }
    }
  },
});
