// Finds the system Chromium that the browser tests drive through playwright-core. Browsers are
// never downloaded from npm: the system package manager provides them. When running as root on
// Debian (CI), a missing Chromium is installed with apt-get; anywhere else we stop with a hint.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';

/** Where Debian's `chromium` package puts the browser. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags for a headless run on a machine without a network beyond loopback: without them
 * Chromium keeps trying to reach update, sync and field-trial servers.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function canInstallWithApt(): boolean {
  return existsSync('/etc/debian_version') && process.getuid?.() === 0;
}

function installWithApt(): void {
  console.log('Chromium not found: installing it with apt-get (Debian, running as root).');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', 'chromium']]) {
    console.log(`$ apt-get ${args.join(' ')}`);
    const result = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (result.status !== 0) {
      throw new Error(`apt-get ${args.join(' ')} failed with exit code ${String(result.status)}.`);
    }
  }
}

/**
 * Returns the path of the Chromium executable: `$CHROMIUM_PATH` if set, else Debian's
 * `/usr/bin/chromium`, installing it first when that is possible (root on Debian).
 */
export function findChromium(): string {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!isExecutable(fromEnv)) {
      throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no executable is there.`);
    }
    return fromEnv;
  }
  if (isExecutable(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  if (canInstallWithApt()) {
    installWithApt();
    if (isExecutable(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
    throw new Error(`apt-get installed chromium, but ${DEBIAN_CHROMIUM} is still missing.`);
  }
  throw new Error(
    [
      'The browser tests need Chromium, and none was found.',
      `Install it with your system package manager so that ${DEBIAN_CHROMIUM} exists`,
      '(Debian/Ubuntu: sudo apt-get install chromium; Fedora: sudo dnf install chromium),',
      'or point CHROMIUM_PATH at a Chromium or Chrome executable.',
    ].join('\n'),
  );
}
