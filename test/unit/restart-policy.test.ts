// The client's crash handling: restart, tell the user once, stop after a crash loop, forgive old crashes.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { RestartPolicy } from '../../client/src/restart-policy';

test('first crash restarts and notifies; later ones restart quietly', () => {
  const p = new RestartPolicy(4, 180_000);
  assert.deepEqual(p.onClosed(0), { restart: true, notify: 'restarted' });
  assert.deepEqual(p.onClosed(1000), { restart: true, notify: undefined });
});

test('more than 4 crashes within 3 minutes: give up and say so', () => {
  const p = new RestartPolicy(4, 180_000);
  for (let i = 0; i < 4; i++) assert.equal(p.onClosed(i * 1000).restart, true);
  assert.deepEqual(p.onClosed(5000), { restart: false, notify: 'gave-up' });
});

test('crashes older than the window are forgotten', () => {
  const p = new RestartPolicy(4, 180_000);
  for (let i = 0; i < 4; i++) p.onClosed(i * 1000);
  assert.equal(p.onClosed(10 * 60_000).restart, true);
});
