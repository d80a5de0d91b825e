// How the referral pages read: the list of referrals a team received, each with its dates in words
// and whether it is waiting, overdue or screened; and one referral, with the pack's rule for when
// the decision is due and the outcomes the manager chooses from. Pure: the service has already
// checked the viewer may see each referral.
import { formatDate, formatDateTime } from '../../../domain/london-time.ts';
import {
  FAMILY_FIELDS,
  type FamilyAnswersInput,
  type FamilyField,
  PARENTS_CONSENT_TEXT,
  REFERRAL_DETAIL_LIMITS,
  type ReferralFormInput,
  type ReferredChild,
  familyAnswersOf,
  familyFieldId,
} from '../../../domain/referrals.ts';
import type { ErrorView } from '../../forms.ts';
import type * as referralService from '../../../services/referral-service.ts';
import { paths } from '../../paths.ts';

/** The referrals received by the viewer's teams, and London's today. */
export type ReferralList = Awaited<ReturnType<typeof referralService.listForMyTeams>>;
/** One referral with its screening, its authority's pack and what the viewer may do. */
export type ReferralView = Awaited<ReturnType<typeof referralService.viewReferral>>;
/** The referral form's facts: the screening, the child, the receiver and the account's details. */
export type ReferralForm = Awaited<ReturnType<typeof referralService.referralForm>>;
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

const NOT_RECORDED = 'Not recorded';

/**
 * What the referral carries for the receiving team, as rows: the referrer and how to reach them,
 * the parents or carers, the safety steps and the ask. A referral made before the form asked for
 * them reads "Not recorded" on each row.
 */
export function referralDetailsRows(referral: Pick<Referral, 'details'>) {
  const given = referral.details;
  const row = (key: string, value: string | null | undefined, id: string) => ({
    key,
    value: value && value.trim() !== '' ? value : NOT_RECORDED,
    id,
  });
  if (!given)
    return [
      row('Referred by', null, 'referrer'),
      row('How to contact them', null, 'contact'),
      row('Parents or carers told', null, 'told'),
      row('Parents’ or carers’ consent', null, 'consent'),
      row('Immediate safety steps', null, 'safety'),
      row('Asked of the receiving team', null, 'request'),
    ];
  const contact = [given.referrerPhone, given.referrerEmail].filter((part): part is string => !!part).join('\n');
  return [
    row('Referred by', `${given.referrerName}, ${given.referrerRole}`, 'referrer'),
    row('How to contact them', contact, 'contact'),
    row('Parents or carers told', given.parentsTold ? 'Yes' : `No: ${given.parentsNotToldReason ?? ''}`, 'told'),
    row(
      'Parents’ or carers’ consent',
      given.consentReason
        ? `${PARENTS_CONSENT_TEXT[given.parentsConsent]}: ${given.consentReason}`
        : PARENTS_CONSENT_TEXT[given.parentsConsent],
      'consent',
    ),
    row('Immediate safety steps', given.safetySteps, 'safety'),
    row('Asked of the receiving team', given.request, 'request'),
  ];
}

/** A child's section's radios, with what was typed kept. */
export function referralFormItems(values: Pick<FamilyAnswersInput, 'parentsTold' | 'parentsConsent'>) {
  return {
    toldItems: [
      { value: 'yes', text: 'Yes', checked: values.parentsTold === 'yes' },
      { value: 'no', text: 'No', checked: values.parentsTold === 'no' },
    ],
    consentItems: (['yes', 'no', 'not_asked'] as const).map((value) => ({
      value,
      text: PARENTS_CONSENT_TEXT[value],
      checked: values.parentsConsent === value,
    })),
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
    detailsRows: referralDetailsRows(referral),
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

const ROLE_TEXT = { displayed: 'child who harmed', targeted: 'child harmed' } as const;

/**
 * One child's section of the referral form: a legend naming the child by first name and role
 * ("Another child" for one whose record the referrer may not see), the questions about that
 * child's own family, and each field's id, value as typed and error.
 */
export function referralFormSection(child: ReferredChild, values: ReferralFormInput, errors?: ErrorView) {
  const answers = familyAnswersOf(values, child.childId);
  const their = child.firstName ? `${child.firstName}’s` : `the ${ROLE_TEXT[child.role]}’s`;
  const fields = Object.fromEntries(
    FAMILY_FIELDS.map((name) => {
      const id = familyFieldId(name, child.childId);
      return [name, { id, value: answers[name], error: errors?.byField[id] }];
    }),
  ) as Record<FamilyField, { id: string; value: string; error: { text: string } | undefined }>;
  return {
    childId: child.childId,
    legend: `${child.firstName ?? 'Another child'} (${ROLE_TEXT[child.role]})`,
    toldLegend: `Have ${their} parents or carers been told about the referral?`,
    consentLegend: `Do ${their} parents or carers consent to the referral?`,
    fields,
    ...referralFormItems(answers),
  };
}

/** The referral form: who is referred, to whom, and the questions, as typed or from the account. */
export function referralFormModel(form: ReferralForm, values?: ReferralFormInput, errors?: ErrorView) {
  const shown = values ?? form.prefill;
  return {
    pageTitle: `Refer ${form.child.firstName} ${form.child.lastName} to ${form.receiver}`,
    backLink: paths.screening.show(form.screening.id),
    receiver: form.receiver,
    clause: form.clause,
    separate: form.separate,
    count: form.count,
    action: paths.referrals.create(form.screening.id),
    values: shown,
    limits: REFERRAL_DETAIL_LIMITS,
    sections: form.children.map((child) => referralFormSection(child, shown, errors)),
    errors,
  };
}
