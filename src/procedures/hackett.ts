// Hackett's (2010) continuum descriptors (thurrock §6, islington §3), in our own words. Thurrock
// uses all five levels; Islington's categories 0-3 are the upper four.
import type { ScaleLevel } from '../domain/scale.ts';

export const HACKETT_DESCRIPTORS: Record<ScaleLevel, { key: string; text: string }[]> = {
  normal: [
    { key: 'expected', text: 'Developmentally expected and socially acceptable' },
    { key: 'consensual', text: 'Consensual, mutual and reciprocal' },
    { key: 'shared', text: 'Decisions are shared' },
  ],
  inappropriate: [
    { key: 'single', text: 'A single instance of inappropriate sexual behaviour' },
    { key: 'peer-acceptable', text: 'Socially acceptable within the peer group' },
    { key: 'context', text: 'The context may be inappropriate' },
    { key: 'consensual', text: 'Generally consensual and reciprocal' },
  ],
  problematic: [
    { key: 'concerning', text: 'Problematic and concerning' },
    { key: 'unusual', text: 'Developmentally unusual and socially unexpected' },
    { key: 'no-victimisation', text: 'No overt elements of victimisation' },
    { key: 'consent-unclear', text: 'Consent may be unclear' },
    { key: 'reciprocity', text: 'May lack reciprocity or equal power' },
    { key: 'compulsive', text: 'May include some compulsivity' },
  ],
  abusive: [
    { key: 'victimising', text: 'Victimising intent or outcome' },
    { key: 'power', text: 'Misuse of power' },
    { key: 'coercion', text: 'Coercion and force to make the victim comply' },
    { key: 'intrusive', text: 'Intrusive' },
    { key: 'consent-lacking', text: 'Informed consent lacking, or not freely given by the victim' },
    { key: 'expressive-violence', text: 'May include expressive violence' },
  ],
  violent: [
    { key: 'physical', text: 'Physically violent sexual abuse' },
    { key: 'highly-intrusive', text: 'Highly intrusive' },
    { key: 'instrumental', text: 'Instrumental violence that arouses the child doing it, physiologically or sexually' },
    { key: 'sadism', text: 'Sadism' },
  ],
};

export function hackettItems(level: ScaleLevel, prefix: string) {
  return HACKETT_DESCRIPTORS[level].map((descriptor) => ({ id: `${prefix}-${descriptor.key}`, text: descriptor.text }));
}
