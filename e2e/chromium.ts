/**
 * Chromium launch settings shared by the e2e config and the browser benchmark. Playwright cannot
 * download its own browsers on these machines, so Debian's Chromium is used; the quiet flags stop it
 * reaching for the network (which is closed here), and WebGPU runs on SwiftShader only with the
 * flags in WEBGPU_SWIFTSHADER_FLAGS (without them the adapter is null).
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Keep Chromium quiet on a closed network. */
export const CHROMIUM_QUIET_FLAGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--disable-quic",
];
/**
 * WebGPU on SwiftShader (CPU): without these the adapter is null. They route all of Chromium's rendering
 * through SwiftShader as well, so only e2e/webgpu.spec.ts and bench:train use them (see playwright.config.ts).
 */
export const WEBGPU_SWIFTSHADER_FLAGS = [
  "--enable-unsafe-webgpu",
  "--enable-features=Vulkan",
  "--use-vulkan=swiftshader",
  "--use-webgpu-adapter=swiftshader",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
];
