// npm run docs:actions: writes the action model's table to docs/who-can-do-what.md.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { actionTableMarkdown } from '../src/domain/actions.ts';

const file = path.join(import.meta.dirname, '..', 'docs', 'who-can-do-what.md');
writeFileSync(file, actionTableMarkdown());
console.log(`Wrote ${path.relative(process.cwd(), file)}`);
