import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anomalyAlert } from '../alerts/build-alert.js';
import { ChannelError } from '../errors.js';
import { anomalyEvent } from '../test-support/events.js';
import { DesktopChannel, type Notify } from './desktop-channel.js';
import { hasDesktopSession } from './desktop-session.js';

const ALERT = anomalyAlert(anomalyEvent('web-1', 7), {
  status: 'sent',
  folded: 0,
  at: 0,
});

test('a notifier error rejects, so the alerter can fall back', async () => {
  const failing: Notify = (_n, callback) =>
    callback(new Error('not found: notify-send'));
  await assert.rejects(new DesktopChannel(failing).send(ALERT), ChannelError);
});

test('a notifier that never answers times out', async () => {
  const silent: Notify = () => undefined;
  await assert.rejects(new DesktopChannel(silent, 20).send(ALERT), {
    code: 'CHANNEL_FAILED',
  });
});

test('the title and message reach the notifier', async () => {
  const shown: unknown[] = [];
  const notify: Notify = (notification, callback) => {
    shown.push(notification);
    callback(null);
  };
  await new DesktopChannel(notify).send(ALERT);
  assert.deepEqual(shown, [{ title: ALERT.title, message: ALERT.message }]);
});

test('a desktop session needs a display on Linux, not on macOS', () => {
  assert.equal(hasDesktopSession({}, 'linux'), false);
  assert.equal(hasDesktopSession({ DISPLAY: ':0' }, 'linux'), true);
  assert.equal(hasDesktopSession({ WAYLAND_DISPLAY: 'w-0' }, 'linux'), true);
  assert.equal(hasDesktopSession({}, 'darwin'), true);
});
