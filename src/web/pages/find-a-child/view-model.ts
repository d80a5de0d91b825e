// "Find a child"'s page from the request and the service's answer: the form as typed, the
// children found (each linking to their record, with their date of birth in words and their
// school), and the sentence saying how many others match that the person may not see. Pure.
import { formatDate } from '../../../domain/london-time.ts';
import type { findChildren } from '../../../services/child-service.ts';
import { errorView } from '../../forms.ts';
import { paths } from '../../paths.ts';
import type { FindRequest } from './schema.ts';

type Found = Awaited<ReturnType<typeof findChildren>>;

const PAGE_TITLE = 'Find a child';

/** "1 other child matches that you do not have access to..."; null when none. */
export function hiddenText(hidden: number): string | null {
  if (hidden <= 0) return null;
  return hidden === 1
    ? '1 other child matches that you do not have access to. Ask a manager if you need to see their record.'
    : `${hidden} other children match that you do not have access to. Ask a manager if you need to see their records.`;
}

/** How many were found, and whether all of them are listed. */
function countText(found: Found): string {
  if (!found.visible) return 'No children you can see match your search.';
  if (found.visible > found.shown.length)
    return `${found.visible} children match your search. The ${found.shown.length} closest are shown: add a date of birth or school to find fewer.`;
  return found.visible === 1 ? '1 child matches your search.' : `${found.visible} children match your search.`;
}

/** The page: the form as typed, and, after a search, what it found. */
export function findModel(request: FindRequest, found?: Found) {
  const base = { pageTitle: PAGE_TITLE, values: request.values, action: paths.findChild() };
  if (request.kind === 'invalid') return { ...base, errors: errorView(request.errors), searched: false as const };
  if (request.kind === 'blank' || !found) return { ...base, searched: false as const };
  return {
    ...base,
    searched: true as const,
    countText: countText(found),
    hiddenText: hiddenText(found.hidden),
    results: found.shown.map((child) => ({
      name: `${child.firstName} ${child.lastName}`,
      href: paths.children.show(child.id),
      otherNames: child.otherNames,
      dateOfBirth: formatDate(child.dateOfBirth),
      bornSwapped: child.bornSwapped,
      school: child.schoolOrSetting || 'Not recorded',
    })),
  };
}
