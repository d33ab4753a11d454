/**
 * Headless Chromium for the viewer tests: Debian's /usr/bin/chromium driven by playwright-core (never a
 * downloaded browser), off the network, with an empty profile directory of its own. Fails with a message
 * saying how to install it when the executable is missing (`.ci/run` installs it).
 */
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export async function launchChromium(dir: string, options: { javaScriptEnabled: boolean }): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium; .ci/run does)`);
  }
  const profile = await mkdtemp(join(dir, 'profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    javaScriptEnabled: options.javaScriptEnabled,
    viewport: { width: 1280, height: 900 },
    offline: false,
    timeout: 120_000,
  });
  // Playwright's 30 s default for each navigation and action is short on a loaded 2-core machine.
  context.setDefaultTimeout(120_000);
  return context;
}
