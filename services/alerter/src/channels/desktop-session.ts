/**
 * Whether a desktop notification can be shown: macOS and Windows always
 * have a session; on Linux and the BSDs one needs an X11 or Wayland display.
 * Without one, `node-notifier` fails (silently, unless a callback is given).
 */
export function hasDesktopSession(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform,
): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY) || Boolean(env.WAYLAND_DISPLAY);
}
