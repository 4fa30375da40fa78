// End-to-end tests (specs live in ../tests/e2e) against the real backend serving the built SPA.
// Run `npm run build` first: the backend serves frontend/dist.
import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const frontendDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(frontendDir, '..');
const port = Number(process.env.E2E_PORT ?? 18080);
const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${port}`;
const distDir = resolve(frontendDir, 'dist');
// A fresh SQLite file per run, so the demo seed runs on an empty database.
const dbFile = join(tmpdir(), `kinerja-e2e-${Date.now()}.db`);

if (!process.env.E2E_BASE_URL && !existsSync(join(distDir, 'index.html'))) {
  console.warn(`[e2e] ${distDir}/index.html is missing: run \`npm run build\` in frontend/ first.`);
}

const env: Record<string, string> = {};
for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
Object.assign(env, {
  DATABASE_URL: process.env.E2E_DATABASE_URL ?? `sqlite://${dbFile}?mode=rwc`,
  KINERJA_BIND: `127.0.0.1:${port}`,
  KINERJA_SEED_DEMO: 'true',
  KINERJA_STATIC_DIR: process.env.KINERJA_STATIC_DIR ?? distDir,
});

export default defineConfig({
  testDir: '../tests/e2e',
  // The walk of every page for every role (overflow + axe) is long and not yet clean for every
  // role: it runs with `npm run e2e:every-page` (E2E_EVERY_PAGE=1), not in `make test`.
  testIgnore: process.env.E2E_EVERY_PAGE ? [] : ['**/every-page.spec.ts'],
  outputDir: resolve(repoRoot, 'test-results'),
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: resolve(repoRoot, 'playwright-report') }]] : 'list',
  use: {
    baseURL,
    locale: 'id-ID',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        // Relative to frontend/ (this file's folder), where Playwright runs the command.
        command: process.env.E2E_SERVER_CMD ?? '../target/release/kinerja serve',
        cwd: frontendDir,
        url: `${baseURL}/api/health`,
        env,
        reuseExistingServer: !process.env.CI,
        timeout: 180_000,
        stdout: 'pipe',
        stderr: 'pipe',
      },
});
