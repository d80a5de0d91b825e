// How a pack's shared builders cite: always with the clause of the pack's own document that the pack
// passes in (R-X-10). The builders share code, never citations: where a document is silent, the
// national framework or a labelled local setting of that pack fills the gap, and says so.

/** A clause of the pack's own document and the requirement it meets. */
export type Cite = { clause: string; requirement: string };

/** The pack's clause with the national framework beside it, where the framework sets what the clause names. */
export const withWorkingTogether = (cite: Cite): Cite => ({
  clause: `${cite.clause}; Working Together 2023`,
  requirement: cite.requirement,
});

/** A value the pack's document does not give, labelled as this authority's local setting. */
export const localSetting = (packId: string, requirement: string): Cite => ({
  clause: `${packId}, local setting`,
  requirement,
});
