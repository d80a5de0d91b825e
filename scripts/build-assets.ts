// Builds the browser's assets once (ADR 0016): the stylesheet compiled from the parts of GOV.UK
// Frontend and MoJ Frontend the pages use (src/web/assets/app.scss), the service's script and
// GOV.UK Frontend's script, each under a name carrying a hash of its content, with brotli and gzip
// copies beside it. build/manifest.json maps each logical name to its file and records a hash of
// the inputs, so a build whose inputs have not changed is skipped. `npm install` builds them
// (postinstall) and the application checks the manifest when it starts.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const buildDir = path.join(root, 'build');
/** Served at /public/: nothing but built files. */
export const assetsDir = path.join(buildDir, 'assets');
/** Not served. */
const manifestFile = path.join(buildDir, 'manifest.json');

const stylesheet = path.join(root, 'src', 'web', 'assets', 'app.scss');
const script = path.join(root, 'src', 'web', 'assets', 'js', 'app.js');
const govukScript = path.join(
  path.dirname(require.resolve('govuk-frontend/package.json')),
  'dist',
  'govuk',
  'govuk-frontend.min.js',
);
/** What app.js imports GOV.UK Frontend as in the source; the build writes the fingerprinted URL. */
const govukImport = '/public/govuk-frontend.min.js';

export type LogicalName = 'app.css' | 'app.js' | 'govuk-frontend.min.js';
export interface Manifest {
  inputs: string;
  files: Record<LogicalName, string>;
}

function sha256(...parts: (string | Buffer)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

/** Everything the output depends on: the sources, this script, and the installed packages (the lock file). */
function inputsHash(): string {
  const files = [stylesheet, script, govukScript, path.join(root, 'package-lock.json'), import.meta.filename];
  return sha256(...files.map((file) => readFileSync(file)));
}

function readManifest(): Manifest | null {
  try {
    return JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

function isCurrent(manifest: Manifest | null, inputs: string): manifest is Manifest {
  return (
    manifest !== null &&
    manifest.inputs === inputs &&
    Object.values(manifest.files).every((file) => existsSync(path.join(assetsDir, file)))
  );
}

/** Writes through a temporary name, so another process never reads half a file. */
function writeAtomic(file: string, content: string | Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

function emit(logical: LogicalName, content: Buffer): string {
  const extension = logical.slice(logical.indexOf('.'));
  const name = `${logical.slice(0, logical.indexOf('.'))}.${sha256(content).slice(0, 12)}${extension}`;
  const file = path.join(assetsDir, name);
  writeAtomic(file, content);
  writeAtomic(
    `${file}.br`,
    brotliCompressSync(content, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: zlibConstants.BROTLI_MAX_QUALITY,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    }),
  );
  writeAtomic(`${file}.gz`, gzipSync(content, { level: 9 }));
  return name;
}

/** Builds whatever is out of date and returns the manifest; `force` builds even when nothing changed. */
export async function buildAssets(force = false): Promise<Manifest> {
  const inputs = inputsHash();
  const previous = readManifest();
  if (!force && isCurrent(previous, inputs)) return previous;
  // Imported only when there is something to build: loading the compiler costs start-up time.
  const sass = await import('sass');
  const css = sass.compile(stylesheet, {
    importers: [new sass.NodePackageImporter(root)],
    // MoJ Frontend loads GOV.UK Frontend as node_modules/govuk-frontend/…
    loadPaths: [root],
    style: 'compressed',
    quietDeps: true,
  }).css;
  mkdirSync(assetsDir, { recursive: true });
  const govuk = emit(
    'govuk-frontend.min.js',
    // Without its source map comment: the map is not served.
    Buffer.from(readFileSync(govukScript, 'utf8').replace(/\n?\/\/# sourceMappingURL=\S*\s*$/, '\n')),
  );
  const source = readFileSync(script, 'utf8');
  if (!source.includes(govukImport)) throw new Error(`${path.relative(root, script)} does not import ${govukImport}`);
  const files: Record<LogicalName, string> = {
    'govuk-frontend.min.js': govuk,
    'app.js': emit('app.js', Buffer.from(source.replaceAll(govukImport, `/public/${govuk}`))),
    'app.css': emit('app.css', Buffer.from(`${css}\n`)),
  };
  const manifest: Manifest = { inputs, files };
  writeAtomic(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  // The previous build's files stay, for a process still serving pages that link them.
  const keep = new Set([...Object.values(files), ...Object.values(previous?.files ?? {})]);
  for (const name of readdirSync(assetsDir)) {
    const base = name.replace(/\.(br|gz)$/, '');
    // Another process building at the same moment writes through *.tmp names: not ours to remove.
    if (!keep.has(base) && !name.endsWith('.tmp')) rmSync(path.join(assetsDir, name), { force: true });
  }
  return manifest;
}

let ensured: Promise<Manifest> | undefined;

/** The manifest of assets built from the current sources, building them first if needed (once per process). */
export function ensureAssets(): Promise<Manifest> {
  ensured ??= buildAssets().catch((error: unknown) => {
    ensured = undefined;
    throw error;
  });
  return ensured;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  const force = process.argv.includes('--force');
  const current = isCurrent(readManifest(), inputsHash());
  const manifest = await buildAssets(force);
  console.log(
    force || !current
      ? `Assets built in ${Date.now() - started} ms: ${Object.values(manifest.files).join(', ')}`
      : 'Assets up to date',
  );
}
