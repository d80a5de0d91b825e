// A new PGlite database starts as a copy of an empty one made once (ADR 0020). PGlite's initdb
// creates the same empty cluster every time for one PGlite version and one set of settings, and it
// took most of a first start (4 to 8 s); copying its files takes a fraction of a second. The copy
// is kept in build/ (made by `npm install`, like the assets, or by the first start that needs it)
// under a name made from what its files depend on, so another PGlite version or other settings
// make a new one and never reuse an old one. The migrations and the demo data are not in it: they
// run on the copy as they ran on a database PGlite made itself.
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
/** Where the empty databases are kept: one folder for each key, nothing else. */
export const TEMPLATES_DIR = path.resolve(import.meta.dirname, '..', '..', 'build', 'pglite-template');
/** The file PGlite (and PostgreSQL) look for to know a data folder holds a database. */
const VERSION_FILE = 'PG_VERSION';

/**
 * What an empty database's files depend on: PGlite's own version, the settings initdb is given, and
 * whatever else was done to it before it was kept (connection.ts: the migrations' files).
 */
export function templateKey(settings: readonly string[], fingerprint = ''): string {
  // The package's main file is in its dist/ folder; its package.json (not exported) beside that.
  const manifest = path.join(path.dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return createHash('sha256')
    .update(JSON.stringify({ pglite: version, settings, fingerprint }))
    .digest('hex')
    .slice(0, 16);
}

/** Whether a folder holds nothing (or is not there): only then is a database copied into it. */
function isEmptyDir(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

export interface TemplateOptions {
  /** initdb's and each start's settings (connection.ts's PGLITE_SETTINGS). */
  settings: readonly string[];
  /** What else the database's files depend on (connection.ts: the migrations), part of its key. */
  fingerprint?: string;
  /** Makes an empty database in this folder and closes it (PGlite, in connection.ts). */
  create: (dataDir: string) => Promise<void>;
  /** Where templates are kept: build/pglite-template unless a test gives another. */
  root?: string;
}

/**
 * The folder of the empty database for these settings, made now if there is none. Made under a
 * temporary name and renamed when complete, so a start never copies half a database; templates for
 * other keys are removed.
 */
export async function ensureTemplate(options: TemplateOptions): Promise<string> {
  const root = options.root ?? TEMPLATES_DIR;
  const key = templateKey(options.settings, options.fingerprint);
  const dir = path.join(root, key);
  if (existsSync(path.join(dir, VERSION_FILE))) return dir;
  mkdirSync(root, { recursive: true });
  const making = path.join(root, `.making-${key}-${randomBytes(4).toString('hex')}`);
  try {
    await options.create(making);
    if (!existsSync(path.join(dir, VERSION_FILE))) {
      rmSync(dir, { recursive: true, force: true });
      renameSync(making, dir);
    }
  } finally {
    rmSync(making, { recursive: true, force: true });
  }
  for (const name of readdirSync(root))
    if (name !== key && !name.startsWith('.making-')) rmSync(path.join(root, name), { recursive: true, force: true });
  return dir;
}

/**
 * Puts a copy of the empty database into `dataDir` when that folder is empty or missing; says
 * whether it did. PG_VERSION is copied last: a copy stopped part way is not taken for a database
 * (the folder is then not empty, so PGlite makes the database itself, over it).
 */
export async function copyTemplateInto(dataDir: string, options: TemplateOptions): Promise<boolean> {
  if (!isEmptyDir(dataDir)) return false;
  const template = await ensureTemplate(options);
  const versionFile = path.join(template, VERSION_FILE);
  cpSync(template, dataDir, { recursive: true, filter: (source) => source !== versionFile });
  copyFileSync(versionFile, path.join(dataDir, VERSION_FILE));
  return true;
}
