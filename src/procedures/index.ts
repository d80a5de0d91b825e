// The five procedure packs, validated against the pack schema when first loaded: a pack that
// does not validate stops the application at start-up rather than misleading a practitioner.
import { type Citation, citation, citationText } from '../domain/citation.ts';
import { type Pack, type PackInput, packSchema } from '../domain/pack.ts';
import { islington } from './islington.ts';
import { kent } from './kent.ts';
import { northEastLincolnshire } from './north-east-lincolnshire.ts';
import { northYorkshire } from './north-yorkshire.ts';
import { thurrock } from './thurrock.ts';

export const PACK_INPUTS: readonly PackInput[] = [kent, thurrock, northYorkshire, northEastLincolnshire, islington];

let loaded: Map<string, Pack> | undefined;

export function loadPacks(): Map<string, Pack> {
  if (!loaded) {
    const packs = new Map<string, Pack>();
    for (const input of PACK_INPUTS) {
      const result = packSchema.safeParse(input);
      if (!result.success) {
        throw new Error(
          `Procedure pack ${input.id} is invalid:\n${result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
        );
      }
      packs.set(result.data.id, result.data);
    }
    loaded = packs;
  }
  return loaded;
}

export function getPack(id: string): Pack | undefined {
  return loadPacks().get(id);
}

export function allPacks(): Pack[] {
  return [...loadPacks().values()];
}

/** How a pack clause reads: "Kent procedure, section 8", with the procedure page section it links to. */
export function citeClause(clause: string): Citation {
  return citation(clause, (id) => getPack(id));
}

/** A pack clause in plain words, for hints and messages. */
export function citeText(clause: string | null | undefined): string {
  return clause ? citationText(citeClause(clause)) : '';
}

/** Whether a task's step, in its authority's pack, is the request for an AIM assessment (the pack marks it: R-KEN-8). */
export function isAimRequest(authorityId: string, stepId: string): boolean {
  return getPack(authorityId)?.steps.some((step) => step.id === stepId && step.aimRequest === true) ?? false;
}
