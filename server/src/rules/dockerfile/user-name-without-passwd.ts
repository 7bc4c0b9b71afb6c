// Owns GDL405: `USER name` in a stage without /etc/passwd.
import { defineRule } from '../rule';

export const userNameWithoutPasswd = defineRule({
  id: 'GDL405',
  name: 'user-name-without-passwd',
  language: 'dockerfile',
  defaultSeverity: 'error',
  fixSafety: 'unsafe',
  docs: {
    summary: 'USER name without /etc/passwd',
    what: 'Reports `USER` with a name (not a numeric uid) in a stage whose image has no `/etc/passwd` (scratch) when nothing copies one in.',
    why: 'The runtime cannot resolve the name: the container fails to start with "unable to find user app: no matching entries in passwd file".',
    example: 'FROM scratch\nCOPY app /app\nUSER app\nENTRYPOINT ["/app"]\n',
    useInstead: 'FROM scratch\nCOPY app /app\nUSER 65532:65532\nENTRYPOINT ["/app"]\n',
    exampleFile: 'Dockerfile',
  },
  check({ model }, report) {
    for (const stage of model.stages) {
      if (
        stage.facts?.passwd !== false ||
        stage.user === undefined ||
        stage.creates.some((c) => c === '/etc/passwd' || c === '/etc')
      )
        continue;
      const user = stage.user.value.split(':')[0] ?? '';
      if (/^[0-9]+$/.test(user) || user.includes('$')) continue;
      report({
        range: stage.user.range,
        message: `\`USER ${stage.user.value}\` needs /etc/passwd, which ${stage.image} does not have: the container fails to start`,
        fixes: [{ title: 'Use USER 65532:65532', edits: [{ range: stage.user.range, newText: '65532:65532' }] }],
      });
    }
  },
});
