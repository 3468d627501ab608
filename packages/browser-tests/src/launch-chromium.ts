import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`), or `$CHROMIUM_PATH`. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless Chromium flags: no network of its own (background requests, component updates, sync), WebGPU
 * enabled (without `--enable-unsafe-webgpu` a request for 'webgpu' silently falls back to 'webgl') on
 * SwiftShader's Vulkan, WebGL on SwiftShader through ANGLE: GPU backends on a machine without a GPU.
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--use-vulkan=swiftshader',
  '--use-angle=swiftshader',
];

/** A running Chromium with a fresh profile, and every request its pages made. */
export interface Chromium {
  readonly context: BrowserContext;
  /** URLs of all requests made by its pages so far, in order. */
  readonly requests: readonly string[];
  /** Closes it and removes its profile. */
  close(): Promise<void>;
}

/**
 * Starts headless Chromium ({@link CHROMIUM_PATH}, {@link CHROMIUM_FLAGS}) with a fresh `--user-data-dir`,
 * driven by playwright-core (which downloads no browser), recording every request of its pages.
 * @throws Error naming the missing executable and how to install it
 */
export async function launchChromium(): Promise<Chromium> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `launchChromium: no Chromium at ${CHROMIUM_PATH}; install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
  }
  const profile = await mkdtemp(join(tmpdir(), 'coin-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS],
  });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  return {
    context,
    requests,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
