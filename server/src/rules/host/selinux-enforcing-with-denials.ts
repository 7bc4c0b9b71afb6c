// Owns GDL513: SELinux denies a service.
import { defineRule } from '../rule';
import { probe } from './probe-example';

/** Reports an enforcing SELinux host whose recent kernel log (when readable without privilege) shows AVC denials, naming the commands denied. */
export const selinuxEnforcingWithDenials = defineRule({
  id: 'GDL513',
  name: 'selinux-enforcing-with-denials',
  language: 'host',
  defaultSeverity: 'information',
  fixSafety: 'none',
  docs: {
    summary: 'SELinux denies a service',
    what: 'Reports an enforcing SELinux host whose recent kernel log (when readable without privilege) shows AVC denials, naming the commands denied.',
    why: 'A denied Go service fails with "permission denied" on files or ports that look fine; the denial explains it.',
    example: probe([['selinux', '1'], ['avc_denials', 'api ']]),
    useInstead: probe([['selinux', '1'], ['avc_denials', '']]),
    exampleFile: 'host.gdlprobe',
  },
  check({ report: probe_, facts }, report) {
    void facts;
    const s = probe_.records.find((x) => x.key === 'selinux');
    const denied = (probe_.records.find((x) => x.key === 'avc_denials')?.values[0] ?? '').trim();
    if (s === undefined || s.values[0] !== '1' || denied === '') return;
    report({ range: s.keyToken.range, message: `SELinux is enforcing and denied: ${denied}; relabel (\`restorecon -Rv\`) or add a policy (\`audit2allow\`)` });
  },
});
