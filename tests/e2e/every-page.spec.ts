// Every demo role walks every page it can reach: no horizontal overflow at 320, 390 and 1280 px,
// and no serious or critical axe violation at 390 and 1280 px. Pages are found from a list of
// the app's routes plus the links on the pages themselves (one page per route pattern), so
// detail pages (a period, an employee, an appeal) are visited with real ids from the demo data.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN_PASSWORD, ADMIN_USER, loginAs } from './helpers';

const STAFF_PASSWORD = 'Pegawai#2026';
const ROLES: { name: string; user: string; password: string }[] = [
  { name: 'admin', user: ADMIN_USER, password: ADMIN_PASSWORD },
  { name: 'auditor', user: 'auditor@kinerja360.local', password: 'Auditor#2026' },
  { name: 'hr', user: 'hr@kinerja360.local', password: STAFF_PASSWORD },
  { name: 'camat', user: 'camat@kinerja360.local', password: STAFF_PASSWORD },
  { name: 'lurah', user: 'lurah.cb@kinerja360.local', password: STAFF_PASSWORD },
  { name: 'seklur', user: 'seklur.cb@kinerja360.local', password: STAFF_PASSWORD },
  { name: 'staf', user: 'staf@kinerja360.local', password: STAFF_PASSWORD },
  { name: 'rekan', user: 'rekan.cb@kinerja360.local', password: STAFF_PASSWORD },
];

/** The app's routes without parameters; detail routes are found from links. */
const ROUTES = [
  '/',
  '/kinerja/skp',
  '/kinerja/realisasi',
  '/kinerja/360',
  '/kinerja/hasil',
  '/tim',
  '/tim/skp',
  '/tim/kurva',
  '/tim/keberatan',
  '/hr/periods',
  '/hr/appeals',
  '/bantuan',
  '/career',
  '/career/team',
  '/career/talent',
  '/career/candidates',
  '/career/placement',
  '/career/trainings',
  '/career/reports',
  '/admin/units',
  '/admin/employees',
  '/admin/employees/new',
  '/admin/import',
  '/admin/audit',
  '/admin/api-keys',
  '/feedback/targets',
  '/feedback/moderation',
  '/ikm',
  '/account/password',
];

/** E2E_ROLES=hr,staf narrows the walk to some roles (the whole walk takes a while). */
const ONLY = (process.env.E2E_ROLES ?? '').split(',').filter(Boolean);
const WIDTHS = [1280, 390, 320] as const;
const AXE_WIDTHS = new Set<number>([1280, 390]);
const MAX_PAGES = Number(process.env.E2E_MAX_PAGES ?? 60);

/** `/hr/periods/3f2a…/units/KEL-01` → `/hr/periods/:p/units/:p` (segments with a digit are ids). */
function pattern(path: string): string {
  return path
    .split('/')
    .map((s) => (/\d/.test(s) ? ':p' : s))
    .join('/');
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page
    .waitForFunction(() => !document.querySelector('main .loading'), undefined, { timeout: 10_000 })
    .catch(() => undefined);
  // Charts measure their container after a resize.
  await page.waitForTimeout(250);
}

async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** What overflows: the widest elements reaching past the right edge (for the failure message). */
async function culprits(page: Page): Promise<string> {
  return page.evaluate(() => {
    const w = window.innerWidth;
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.right > w + 1 && r.width > 0) {
        const cls = typeof el.className === 'string' && el.className ? `.${el.className.split(' ').join('.')}` : '';
        out.push(`${el.tagName.toLowerCase()}${cls}(${Math.round(r.right - w)})`);
      }
      if (out.length >= 4) break;
    }
    return out.join(' ');
  });
}

async function axeProblems(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/** Visits one path at every width and returns what is wrong with it. */
async function check(page: Page, path: string): Promise<string[]> {
  const problems: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    if (width === WIDTHS[0]) await page.goto(path);
    await settle(page);
    const over = await overflow(page);
    if (over > 0) problems.push(`${path} @${width}: overflows by ${over}px: ${await culprits(page)}`);
    if (AXE_WIDTHS.has(width)) {
      for (const p of await axeProblems(page)) problems.push(`${path} @${width}: ${p}`);
    }
  }
  return problems;
}

async function internalLinks(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]'))
      .filter((a) => !a.hasAttribute('download'))
      .map((a) => new URL(a.href, location.href))
      .filter((u) => u.origin === location.origin && !u.pathname.startsWith('/api') && u.pathname !== '/login')
      .map((u) => u.pathname),
  );
}

test.describe('every page for every role', () => {
  test.describe.configure({ timeout: 900_000 });

  test('the sign-in page fits from 320 to 1280 px and is accessible', async ({ page }) => {
    expect(await check(page, '/login')).toEqual([]);
  });

  for (const role of ROLES.filter((r) => ONLY.length === 0 || ONLY.includes(r.name))) {
    test(`${role.name}: no horizontal overflow and no serious axe violation on any page`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await loginAs(page, role.user, role.password);
      // HR's header fits one row at 1280 px.
      const header = await page.locator('header.topbar').boundingBox();
      expect(header?.height ?? 0, 'header height at 1280 px').toBeLessThanOrEqual(72);

      // E2E_PATHS=/admin/import,/career/trainings checks only those pages (no link following).
      const only = (process.env.E2E_PATHS ?? '').split(',').filter(Boolean);
      const queue = only.length > 0 ? only : [...ROUTES];
      const seen = new Set(ROUTES.map(pattern));
      const problems: string[] = [];
      let visited = 0;
      while (queue.length > 0 && visited < MAX_PAGES) {
        const path = queue.shift()!;
        visited += 1;
        const found = await check(page, path);
        // Reported as they are found: the whole walk takes minutes.
        for (const f of found) console.log(`[every-page] ${role.name}: ${f}`);
        problems.push(...found);
        for (const link of only.length > 0 ? [] : await internalLinks(page)) {
          const p = pattern(link);
          if (!seen.has(p)) {
            seen.add(p);
            queue.push(link);
          }
        }
      }
      console.log(`[every-page] ${role.name}: ${visited} pages, ${problems.length} problems`);
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
});
