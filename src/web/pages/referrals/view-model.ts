// How the referral pages read: the list of referrals a team received, each with its dates in words
// and whether it is waiting, overdue or screened; and one referral, with the pack's rule for when
// the decision is due and the outcomes the manager chooses from. Pure: the service has already
// checked the viewer may see each referral.
import { formatDate, formatDateTime } from '../../../domain/london-time.ts';
import type * as referralService from '../../../services/referral-service.ts';
import { paths } from '../../paths.ts';

/** The referrals received by the viewer's teams, and London's today. */
export type ReferralList = Awaited<ReturnType<typeof referralService.listForMyTeams>>;
/** One referral with its screening, its authority's pack and what the viewer may do. */
export type ReferralView = Awaited<ReturnType<typeof referralService.viewReferral>>;
/** What the screening decision form holds: as typed, or empty. */
export interface DecisionValues {
  outcome: string;
  rationale: string;
}

type Referral = ReferralList['referrals'][number];

const EMPTY_DECISION: DecisionValues = { outcome: '', rationale: '' };

const isOverdue = (referral: Referral, today: string) => referral.status === 'received' && referral.dueOn < today;

/** The referrals list: waiting ones first (the service's order), each linking to its page. */
export function referralListModel({ referrals, today }: ReferralList) {
  return {
    pageTitle: 'Referrals',
    referrals: referrals.map((referral) => {
      const overdue = isOverdue(referral, today);
      return {
        id: referral.id,
        childName: referral.childName,
        href: paths.referrals.show(referral.id),
        receivedText: formatDateTime(referral.receivedAt),
        fromText: `from ${referral.createdByName}`,
        dueText: formatDate(referral.dueOn),
        overdue,
        status:
          referral.status === 'screened'
            ? { text: 'Screened', classes: 'govuk-tag--green', outcome: referral.outcomeLabel ?? '' }
            : overdue
              ? { text: 'Overdue', classes: 'govuk-tag--red', outcome: '' }
              : { text: 'Waiting', classes: 'govuk-tag--blue', outcome: '' },
      };
    }),
  };
}

/** The level of concern the referral came from: a link to the child's own screening, or words saying whose it was. */
function levelOfConcern(view: ReferralView) {
  const { referral, screening } = view;
  if (!screening) return null;
  if (screening.childId === referral.childId)
    return { text: screening.decidedLevelLabel ?? '', href: paths.screening.show(screening.id) };
  return {
    text: `${screening.decidedLevelLabel ?? ''}, decided for the child who harmed: this is the separate referral for a child harmed`,
    href: null,
  };
}

/** One referral's page, with the screening decision form as typed (`values`) when shown again. */
export function referralModel(view: ReferralView, values: DecisionValues = EMPTY_DECISION) {
  const { referral } = view;
  const rule = view.pack.referral;
  return {
    pageTitle: `Referral: ${referral.childName}`,
    backLink: paths.referrals.list(),
    caption: `Referral to ${rule.receiver}`,
    r: referral,
    childHref: paths.children.show(referral.childId),
    receivedText:
      `${formatDateTime(referral.receivedAt)}, from ` +
      `${referral.createdByName}${referral.receivingTeamName ? `, by ${referral.receivingTeamName}` : ''}`,
    dueText: formatDate(referral.dueOn),
    overdue: isOverdue(referral, view.today),
    dueRule: `Within ${rule.decisionWorkingDays} working day${rule.decisionWorkingDays === 1 ? '' : 's'} of receipt`,
    dueClause: rule.decisionClause,
    level: levelOfConcern(view),
    incidentHref: paths.incidents.show(referral.incidentId),
    decision:
      referral.status === 'screened'
        ? {
            outcome: referral.outcomeLabel ?? '',
            byText: `${referral.decidedByName ?? ''}, ${formatDateTime(referral.decidedAt)}`,
            rationale: referral.rationale ?? '',
          }
        : null,
    canDecide: view.canDecide,
    decideHref: paths.referrals.decide(referral.id),
    waitingText: referral.status === 'received' ? 'A team manager records the screening decision.' : null,
    outcomeItems: rule.outcomes.map((outcome) => ({
      value: outcome.id,
      text: outcome.label,
      hint: { text: outcome.hint },
      checked: values.outcome === outcome.id,
    })),
    values,
  };
}
