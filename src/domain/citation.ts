// Citations as practitioners read them. A pack cites its own document by clause ("kent §8",
// "north-east-lincolnshire, referral", "thurrock §1, §4; Working Together 2023"); a practitioner
// reads "Kent procedure, section 8", linked to that section of the procedure page. Requirement
// IDs (R-KEN-6) are for engineers: code, tests and a detail section of the procedure page (R-X-10).
//
// A value no procedure gives is a local setting: the clause '<pack>, local setting' reads "a local
// setting: the Islington procedure does not say" and links to the procedure page's local settings.

/** National guidance a pack may cite beside its own document. */
export const NATIONAL_SOURCES = ['Working Together 2023'] as const;

export interface PackSections {
  id: string;
  /** How practitioners name the document: "Kent procedure", "North Yorkshire guidance". */
  shortName: string;
  sections: readonly { ref: string; title: string }[];
}

export interface ParsedClause {
  /** Parts citing a pack's document, in order. */
  packParts: { packId: string; refs: string[]; localSetting: boolean; note?: string }[];
  national: string[];
}

const LOCAL = 'local setting';
const NOTES = ['amendment note'];

/** Splits a clause into the pack parts and national sources it cites; null when it cannot be read. */
export function parseClause(clause: string): ParsedClause | null {
  const packParts: ParsedClause['packParts'] = [];
  const national: string[] = [];
  for (const raw of clause
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)) {
    if ((NATIONAL_SOURCES as readonly string[]).includes(raw)) {
      national.push(raw);
      continue;
    }
    const match = /^([a-z][a-z-]*[a-z])(?:(,|\s)\s*(.*))?$/.exec(raw);
    if (!match) return null;
    const packId = match[1]!;
    const rest = (match[3] ?? '').trim();
    if (!rest) return null;
    if (rest === LOCAL) {
      packParts.push({ packId, refs: [], localSetting: true });
    } else if (NOTES.includes(rest)) {
      packParts.push({ packId, refs: [], localSetting: false, note: rest });
    } else if (match[2] === ',' && !rest.startsWith('§')) {
      // A named section, for a document without numbered ones.
      packParts.push({ packId, refs: [rest], localSetting: false });
    } else {
      const refs = rest.split(',').map((ref) => ref.trim());
      if (!refs.every((ref) => /^§\d+(\.\d+)?$/.test(ref))) return null;
      packParts.push({ packId, refs: refs.map((ref) => ref.slice(1)), localSetting: false });
    }
  }
  if (packParts.length === 0 && national.length === 0) return null;
  return { packParts, national };
}

/** The anchor of a section on its procedure page: "section-8", "section-5-3", "section-referral". */
export function sectionAnchor(ref: string): string {
  return `section-${ref
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}

export function procedureHref(packId: string, anchor?: string): string {
  return `/procedures/${packId}${anchor ? `#${anchor}` : ''}`;
}

const isNumbered = (ref: string) => /^\d/.test(ref);

function refsText(refs: string[], pack: PackSections | undefined): string {
  if (!refs.every(isNumbered)) {
    // A named section reads as its title: "North East Lincolnshire guidance, Referral".
    return refs
      .map(
        (ref) =>
          pack?.sections.find((section) => section.ref === ref)?.title ?? ref.charAt(0).toUpperCase() + ref.slice(1),
      )
      .join(', ');
  }
  const words = refs.length === 1 ? refs[0]! : `${refs.slice(0, -1).join(', ')} and ${refs.at(-1)}`;
  return `${refs.length === 1 ? 'section' : 'sections'} ${words}`;
}

export interface Citation {
  /** Words a practitioner reads: "Kent procedure, section 8". */
  text: string;
  /** The procedure page section, when the citation has one. */
  href?: string | undefined;
  /** Further parts (national guidance), as plain words. */
  also: string[];
}

/**
 * How a clause reads, against the packs' section tables. Unknown packs or sections give the words
 * without a link (the pack schema refuses them, so this is only for records made before a change).
 */
export function citation(clause: string, lookup: (packId: string) => PackSections | undefined): Citation {
  const parsed = parseClause(clause);
  if (!parsed) return { text: 'the procedure', also: [] };
  const parts: Citation[] = parsed.packParts.map((part) => {
    const pack = lookup(part.packId);
    const name = pack?.shortName ?? 'the procedure';
    if (part.localSetting)
      return {
        text: `a local setting: the ${name} does not say`,
        href: pack ? procedureHref(pack.id, 'local-settings') : undefined,
        also: [],
      };
    if (part.note) return { text: `${name}, ${part.note}`, href: pack ? procedureHref(pack.id) : undefined, also: [] };
    return {
      text: `${name}, ${refsText(part.refs, pack)}`,
      href: pack ? procedureHref(pack.id, sectionAnchor(part.refs[0]!)) : undefined,
      also: [],
    };
  });
  const [first, ...rest] = parts;
  if (!first) return { text: parsed.national.join('; '), also: [] };
  return { text: first.text, href: first.href, also: [...rest.map((part) => part.text), ...parsed.national] };
}

export function citationText(cited: Citation): string {
  return [cited.text, ...cited.also].join('; ');
}

/** The section refs a clause cites in a pack, for the procedure page and the schema's checks. */
export function citedRefs(clause: string, packId: string): string[] {
  const parsed = parseClause(clause);
  return parsed ? parsed.packParts.filter((part) => part.packId === packId).flatMap((part) => part.refs) : [];
}

/** Requirement IDs and section marks are engineers' words: none may appear in text a person reads. */
export const ENGINEER_WORDS = /\bR-(?:X|KEN|THU|NYO|NEL|ISL)-\d+\b|§/;
