// Short and familiar forms of first names, so that "Find a child" finds Alexander when "Alex" is
// typed, and a child recorded as "Liz" when "Elizabeth" is. Data, not rules: each line is a
// familiar form and the names it is short for. Matching goes either way, one step only: a familiar
// form finds its full names, and a full name finds its familiar forms (so "Alexander" finds
// "Alex", but not "Alexandra" through "Alex"; the similarity of the spellings may still find it).
// Pure: the repository searches for every variant with pg_trgm.

/** A familiar form, lower case, and the full names it is short for. */
const FAMILIAR_FORMS: Readonly<Record<string, readonly string[]>> = {
  abby: ['abigail'],
  abbie: ['abigail'],
  alex: ['alexander', 'alexandra', 'alexis'],
  alfie: ['alfred'],
  ally: ['alison', 'alexandra'],
  andy: ['andrew'],
  beth: ['elizabeth', 'bethany'],
  becky: ['rebecca'],
  ben: ['benjamin'],
  betty: ['elizabeth'],
  bill: ['william'],
  billy: ['william'],
  bob: ['robert'],
  bobby: ['robert'],
  charlie: ['charles', 'charlotte'],
  chris: ['christopher', 'christine', 'christina'],
  dan: ['daniel'],
  danny: ['daniel'],
  drew: ['andrew'],
  eddie: ['edward'],
  ellie: ['eleanor', 'elizabeth', 'ellen'],
  eliza: ['elizabeth'],
  elsie: ['elizabeth'],
  evie: ['evelyn', 'eve'],
  fred: ['frederick', 'alfred'],
  freddie: ['frederick', 'alfred'],
  gabe: ['gabriel'],
  georgie: ['georgia', 'georgina'],
  harry: ['henry', 'harrison', 'harold'],
  izzy: ['isabel', 'isabella', 'isobel'],
  issy: ['isabel', 'isabella', 'isobel'],
  jack: ['john', 'jackson'],
  jamie: ['james'],
  jen: ['jennifer'],
  jenny: ['jennifer'],
  jess: ['jessica'],
  jim: ['james'],
  jimmy: ['james'],
  joe: ['joseph'],
  johnny: ['john', 'jonathan'],
  jon: ['jonathan'],
  josh: ['joshua'],
  kate: ['katherine', 'catherine', 'kathryn'],
  katie: ['katherine', 'catherine', 'kathryn'],
  kat: ['katherine', 'catherine', 'kathryn'],
  libby: ['elizabeth'],
  liz: ['elizabeth'],
  lizzie: ['elizabeth'],
  lizzy: ['elizabeth'],
  lottie: ['charlotte'],
  maggie: ['margaret'],
  matt: ['matthew'],
  meg: ['margaret', 'megan'],
  mike: ['michael'],
  millie: ['amelia', 'camilla', 'mildred'],
  milly: ['amelia', 'camilla', 'mildred'],
  nat: ['natalie', 'natasha', 'nathan', 'nathaniel'],
  nate: ['nathan', 'nathaniel'],
  nick: ['nicholas'],
  ollie: ['oliver', 'olivia'],
  olly: ['oliver', 'olivia'],
  rob: ['robert'],
  robbie: ['robert'],
  rosie: ['rose', 'rosemary', 'rosalind'],
  sam: ['samuel', 'samantha'],
  sammy: ['samuel', 'samantha'],
  sophie: ['sophia'],
  ted: ['edward', 'theodore'],
  teddy: ['edward', 'theodore'],
  theo: ['theodore'],
  tom: ['thomas'],
  tommy: ['thomas'],
  toby: ['tobias'],
  tony: ['anthony'],
  vicky: ['victoria'],
  will: ['william'],
  zach: ['zachary'],
};

/** Each full name and its familiar forms, derived from the table above so the two never disagree. */
const FULL_NAMES: ReadonlyMap<string, readonly string[]> = (() => {
  const out = new Map<string, string[]>();
  for (const [familiar, fulls] of Object.entries(FAMILIAR_FORMS))
    for (const full of fulls) out.set(full, [...(out.get(full) ?? []), familiar]);
  return out;
})();

/** A name as compared: lower case, with curly apostrophes made straight and spaces trimmed. */
export function normaliseName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'");
}

/**
 * The names to look for when `name` is typed: the name itself first, then the full names it is a
 * familiar form of, then its familiar forms; each once, lower case.
 */
export function nameVariants(name: string): string[] {
  const typed = normaliseName(name);
  if (!typed) return [];
  const fulls = Object.hasOwn(FAMILIAR_FORMS, typed) ? FAMILIAR_FORMS[typed]! : [];
  return [...new Set([typed, ...fulls, ...(FULL_NAMES.get(typed) ?? [])])];
}

/** Whether two first names are the same name or one is a familiar form of the other ("Liz" and "Elizabeth"). */
export function sameFirstName(first: string, second: string): boolean {
  return nameVariants(first).includes(normaliseName(second));
}

/** The words of a typed name, for searching each: split at spaces, each at most 50 characters. */
export function nameWords(typed: string): string[] {
  return normaliseName(typed)
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').slice(0, 50))
    .filter((word) => word !== '');
}
