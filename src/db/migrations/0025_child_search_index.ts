// "Find a child" (issue 15) searches every child of the authority by name (first, last and other
// names, with typing errors: pg_trgm's word similarity, created in 0001), by school or setting
// (the same), and by identifier (an NHS number with or without its spaces, a person ID). Index
// each expression the search compares, exactly as the repository (child-search.ts) writes it, so
// the search stays an index scan at 100,000 children. Dates of birth are already indexed
// (children_dob_idx, 0001).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index children_names_trgm_idx on children
      using gin ((lower(first_name || ' ' || last_name || ' ' || other_names)) gin_trgm_ops);
    create index children_school_trgm_idx on children using gin ((lower(school_or_setting)) gin_trgm_ops);
    create index children_nhs_number_idx on children (authority_id, (translate(nhs_number, ' -', '')))
      where nhs_number <> '';
    create index children_person_id_idx on children (authority_id, (upper(translate(person_id, ' -', ''))))
      where person_id <> '';
  `.execute(db);
}
