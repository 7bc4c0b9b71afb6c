// Owns GDL513: SELinux denies a service.
import { recordOf } from '../../parsers/host-report/parse';
import { defineRule } from '../rule';
import { probe } from './probe-example';

export const selinuxEnforcingWithDenials = defineRule({
  id: 'GDL513',
  name: 'selinux-enforcing-with-denials',
  language: 'host-report',
  defaultSeverity: 'information',
  fixSafety: 'none',
  docs: {
    summary: 'SELinux denies a service',
    what: 'Reports an enforcing SELinux host whose recent kernel log (when readable without privilege) shows AVC denials, naming the commands denied.',
    why: 'A denied Go service fails with "permission denied" on files or ports that look fine; the denial explains it.',
    example: probe([
      ['selinux', '1'],
      ['avc_denials', 'api '],
    ]),
    useInstead: probe([
      ['selinux', '1'],
      ['avc_denials', ''],
    ]),
    exampleFile: 'host.gdlprobe',
  },
  check({ probe }, report) {
    const s = recordOf(probe, 'selinux');
    const denied = (recordOf(probe, 'avc_denials')?.values[0] ?? '').trim();
    if (s === undefined || s.values[0] !== '1' || denied === '') return;
    report({
      range: s.keyToken.range,
      message: `SELinux is enforcing and denied: ${denied}; relabel (\`restorecon -Rv\`) or add a policy (\`audit2allow\`)`,
    });
  },
});
