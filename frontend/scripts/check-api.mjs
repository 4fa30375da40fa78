// Drift check: regenerate the API types from ../openapi/openapi.json into a temporary
// file and fail when they differ from the committed src/api/schema.d.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const spec = resolve(root, '../openapi/openapi.json');
const committed = resolve(root, 'src/api/schema.d.ts');

if (!existsSync(spec)) {
  console.error(`check:api: ${spec} does not exist; generate it from the backend first.`);
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'kinerja-api-'));
const fresh = join(dir, 'schema.d.ts');
try {
  const bin = resolve(root, 'node_modules/.bin/openapi-typescript');
  const run = spawnSync(bin, [spec, '-o', fresh], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) {
    console.error('check:api: openapi-typescript failed:\n' + run.stdout + run.stderr);
    process.exit(1);
  }
  const normalise = (s) => s.replace(/\r\n/g, '\n');
  const a = existsSync(committed) ? normalise(readFileSync(committed, 'utf8')) : '';
  const b = normalise(readFileSync(fresh, 'utf8'));
  if (a !== b) {
    const al = a.split('\n');
    const bl = b.split('\n');
    let line = 0;
    while (line < al.length && line < bl.length && al[line] === bl[line]) line++;
    console.error(
      'check:api: src/api/schema.d.ts is out of date with openapi/openapi.json.\n' +
        `First difference at line ${line + 1}:\n` +
        `  committed: ${al[line] ?? '<end of file>'}\n` +
        `  generated: ${bl[line] ?? '<end of file>'}\n` +
        'Run `npm run gen:api` in frontend/ and commit the result.',
    );
    process.exit(1);
  }
  console.log('check:api: src/api/schema.d.ts matches openapi/openapi.json');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
