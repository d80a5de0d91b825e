// The assessment report's sections in the assessors' words (north-yorkshire App. 2, R-NYO-14).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table assessments add column report jsonb`.execute(db);
}
