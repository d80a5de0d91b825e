// How the family and network page reads: the family and household, then the professionals, each
// person with who they are to the child and how to reach them; those no longer involved last. Pure.
import {
  FAMILY_KINDS,
  NETWORK_KINDS,
  type NetworkInput,
  type NetworkKind,
  PROFESSIONAL_KINDS,
  emptyNetworkInput,
} from '../../../domain/family.ts';
import { formatDate } from '../../../domain/london-time.ts';
import type { NetworkPerson } from '../../../repositories/family.ts';
import { paths } from '../../paths.ts';

function answer(value: boolean | null): string | null {
  if (value === null) return null;
  return value ? 'Yes' : 'No';
}

/** A person as the page shows them. */
export function personView(childId: string, person: NetworkPerson, canChange: boolean) {
  return {
    id: person.id,
    kind: NETWORK_KINDS[person.kind],
    name: person.name,
    relationship: person.relationship,
    organisation: person.organisation,
    phone: person.phone,
    email: person.email,
    address: person.address,
    parentalResponsibility: answer(person.parentalResponsibility),
    livesWithChild: answer(person.livesWithChild),
    added: `${person.addedByName}, ${formatDate(person.addedAt)}`,
    ended: person.ended
      ? `Since ${formatDate(person.ended.at)}, recorded by ${person.ended.byName}: ${person.ended.reason}`
      : null,
    endHref: canChange && !person.ended ? paths.children.endFamilyMember(childId, person.id) : null,
  };
}

/** The page's groups, each with the people in it who are involved now, then those no longer involved. */
export function familyModel(
  child: { id: string; firstName: string; lastName: string },
  people: readonly NetworkPerson[],
  canChange: boolean,
) {
  const group = (kinds: readonly NetworkKind[]) =>
    people
      .filter((person) => kinds.includes(person.kind) && !person.ended)
      .map((person) => personView(child.id, person, canChange));
  return {
    family: group(FAMILY_KINDS),
    professionals: group(PROFESSIONAL_KINDS),
    ended: people.filter((person) => person.ended).map((person) => personView(child.id, person, false)),
  };
}

export function kindItems(kinds: readonly NetworkKind[], selected: string) {
  return kinds.map((kind) => ({ value: kind, text: NETWORK_KINDS[kind], checked: kind === selected }));
}

export function yesNoItems(selected: string) {
  return [
    { value: 'yes', text: 'Yes', checked: selected === 'yes' },
    { value: 'no', text: 'No', checked: selected === 'no' },
  ];
}

export function emptyPerson(): NetworkInput {
  return emptyNetworkInput();
}
