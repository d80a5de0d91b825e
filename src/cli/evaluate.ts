// npm run evaluate -- --procedure islington --file case.json
// Evaluates a case without saving it and prints the same JSON as POST /api/v1/evaluate (see the
// OpenAPI description at /api/v1/openapi.json for both schemas). Works offline: the England and
// Wales bank holidays are built in; with DATABASE_URL set, one-off holidays an administrator
// added are loaded from that database too.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { londonToday } from '../domain/age.ts';
import { EvaluationError, evaluateCase } from '../domain/evaluation.ts';
import { WorkingDayCalendar } from '../domain/working-days.ts';
import { loadPacks } from '../procedures/index.ts';

const usage =
  'Usage: npm run evaluate -- --procedure <kent|thurrock|north-yorkshire|north-east-lincolnshire|islington> --file <case.json>';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: { procedure: { type: 'string' }, file: { type: 'string' }, help: { type: 'boolean' } },
    }).values;
  } catch (err) {
    console.error(`${(err as Error).message}\n${usage}`);
    return 2;
  }
  if (args.help || !args.file) {
    console.error(usage);
    return args.help ? 0 : 2;
  }
  let input: Record<string, unknown>;
  try {
    input = JSON.parse(readFileSync(args.file, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    console.error(`Could not read ${args.file} as JSON: ${(err as Error).message}`);
    return 2;
  }
  if (args.procedure) {
    if (typeof input['procedure'] === 'string' && input['procedure'] !== args.procedure) {
      console.error(`The file says procedure "${String(input['procedure'])}" but --procedure says "${args.procedure}"`);
      return 2;
    }
    input['procedure'] = args.procedure;
  }
  let extra: { date: string; name: string }[] = [];
  if (process.env['DATABASE_URL']) {
    const { openDatabase } = await import('../db/connection.ts');
    const { listOneOffHolidays } = await import('../repositories/settings.ts');
    const handle = await openDatabase({ databaseUrl: process.env['DATABASE_URL'], dataDir: '' });
    try {
      extra = await listOneOffHolidays(handle.db, typeof input['procedure'] === 'string' ? input['procedure'] : '');
    } finally {
      await handle.close();
    }
  }
  try {
    const out = evaluateCase(loadPacks(), input, new WorkingDayCalendar(extra), londonToday());
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof EvaluationError)) throw err;
    console.error(
      JSON.stringify({ error: 'invalid', message: 'The case could not be evaluated', problems: err.problems }, null, 2),
    );
    return 1;
  }
}

process.exitCode = await main();
