// The flag lists that "did you mean" suggests from agree with the parser and with the help text.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { HELP, LINT_FLAGS, parseArgs, SCAN_FLAGS, UsageError } from '../../server/src/cli/args';

/** Every flag the parser accepts for `command` (given a value where it needs one). */
function accepted(command: 'lint' | 'scan', flag: string): boolean {
  const withValue: Record<string, string> = {
    '--format': 'json',
    '--fail-on': 'none',
    '--language': 'dotenv',
    '--max-file-size-mb': '8',
    '--timeout': '30',
    '--jobs': '2',
    '--ssh': 'web-1',
  };
  const args = [command, flag, ...(withValue[flag] !== undefined ? [withValue[flag]] : ['x'])];
  try {
    parseArgs(flag === '--unsafe-fixes' ? [...args, '--fix'] : args);
    return true;
  } catch (error) {
    return !(error instanceof UsageError && /unknown option/.test(error.message));
  }
}

test('every flag suggested is one the parser takes, and every flag the help shows is suggested', () => {
  for (const f of LINT_FLAGS) assert.ok(accepted('lint', f), `lint ${f}`);
  for (const f of SCAN_FLAGS) assert.ok(accepted('scan', f), `scan ${f}`);
  const lintHelp = HELP.slice(HELP.indexOf('Lint options:'));
  for (const f of lintHelp.match(/--[a-z-]+/g) ?? []) assert.ok(LINT_FLAGS.includes(f), `help shows ${f}`);
  const scanHelp = HELP.slice(HELP.indexOf('  scan '), HELP.indexOf('  rules '));
  for (const f of scanHelp.match(/--[a-z-]+/g) ?? []) assert.ok(SCAN_FLAGS.includes(f), `help shows scan ${f}`);
  // A made-up flag is refused, so the check above can fail.
  assert.equal(accepted('lint', '--no-such-flag'), false);
});
