// Builds public/app.css from GOV.UK Frontend (Sass, configured without the GDS Transport
// typeface) and MoJ Frontend's compiled CSS (its font stack rewritten to match).
import { mkdirSync, readFileSync, writeFileSync, statSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as sass from 'sass';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'public', 'app.css');
const source = path.join(root, 'src', 'web', 'assets', 'app.scss');

export function buildCss(force = false): string {
  if (!force && existsSync(out) && statSync(out).mtimeMs > statSync(source).mtimeMs) return out;
  const govuk = sass.compile(source, {
    importers: [new sass.NodePackageImporter(root)],
    style: 'compressed',
    quietDeps: true,
  });
  const mojFile = require.resolve('@ministryofjustice/frontend/moj/moj-frontend.min.css');
  const moj = readFileSync(mojFile, 'utf8')
    .replace(/\/\*# sourceMappingURL=.*?\*\//g, '')
    .replace(/"?GDS Transport"?,/g, '');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${govuk.css}\n${moj}\n`);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`CSS written to ${path.relative(root, buildCss(true))}`);
}
