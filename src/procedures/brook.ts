// The Brook Traffic Light characteristics as north-yorkshire §2 describes them (R-NYO-1), in our
// own words. We store the band and the characteristics ticked, never Brook's own age-band
// examples, which are licensed material and need Brook's training (R-NEL-4).
import type { PackInput } from '../domain/pack.ts';
import type { ScaleLevel } from '../domain/scale.ts';
import type { Cite } from './cite.ts';

type ToolInput = PackInput['tools'][number];
type Band = 'green' | 'amber' | 'red';
type Characteristic = { id: string; text: string };

/**
 * The tool as a pack uses it. Each pack cites its own document: North Yorkshire's describes each
 * band in its own section; a pack whose document only names the tool cites that for every band.
 */
export function brookTool(
  cite: Cite,
  requiresTraining: boolean,
  bands?: { green: Cite; amber: Cite; red: Cite },
): ToolInput {
  const band = (colour: Band) => bands?.[colour] ?? cite;
  // A band's group of characteristics, labelled and cited as the band.
  const group = (id: Band, label: string, intro: string, scale: ScaleLevel, items: Characteristic[]) => ({
    id,
    label,
    intro,
    scale,
    ...band(id),
    items,
  });
  return {
    id: 'brook',
    kind: 'checklist',
    name: 'Brook Traffic Light characteristics',
    summary:
      'Green is healthy, expected behaviour; amber may be outside safe and healthy behaviour but is ' +
      'not the most worrying; red is harmful or dangerous. Tick every characteristic you saw or heard ' +
      'about.',
    ...(requiresTraining ? { requiresTraining: 'brook_traffic_light' as const } : {}),
    clause: cite.clause,
    requirement: cite.requirement,
    ageNotes: [
      {
        stageBelow: 5,
        text:
          'Children aged 0 to 4 often go through times of taking their clothes off. Most grow out of it; ' +
          'it becomes a possible concern only if it carries on at 5 to 7.',
        ...band('green'),
      },
    ],
    groups: [
      group('green', 'Green', 'Healthy or normal sexual behaviour', 'normal', [
        { id: 'green-mutual', text: 'Mutual' },
        { id: 'green-consensual', text: 'Consensual: the children feel they have a choice whether to take part' },
        { id: 'green-exploratory', text: 'Exploratory and age appropriate' },
        { id: 'green-no-harm', text: 'No intent to cause harm' },
        { id: 'green-fun', text: 'Fun or light-hearted' },
        { id: 'green-no-power', text: 'No difference in power between the children' },
      ]),
      group('amber', 'Amber', 'Concerning sexual behaviour', 'problematic', [
        {
          id: 'amber-not-age-appropriate',
          text: 'Not age appropriate, for example a young child using sexual language or unclear about personal space, making others uncomfortable',
        },
        { id: 'amber-one-off', text: 'A one-off, low-key incident, for example touching over clothing' },
        { id: 'amber-peer-pressure', text: 'Peer pressure to take part seems to be involved' },
        { id: 'amber-spontaneous', text: 'Spontaneous rather than planned' },
        { id: 'amber-self-directed', text: 'Self-directed, for example excessive masturbation' },
        { id: 'amber-pornography', text: 'A disproportionate interest in, or use of, pornography' },
        {
          id: 'amber-balancing',
          text: 'Balancing factors: no intent to harm, limited understanding, or the child accepts responsibility and shows some remorse',
        },
        {
          id: 'amber-parents-engaged',
          text: 'Parents or carers are concerned and want to work with the child to change',
        },
      ]),
      group('red', 'Red', 'Harmful sexual behaviour', 'abusive', [
        { id: 'red-not-age-appropriate', text: 'Sexual behaviour that is not age appropriate' },
        { id: 'red-planning', text: 'Planning, secrecy, force or coercion' },
        { id: 'red-power', text: 'Differences in power: age, size, status or strength' },
        { id: 'red-targeted-response', text: 'The children targeted respond with fear, anxiety or discomfort' },
        { id: 'red-child-feelings', text: 'The child doing it shows fear, anger or aggression' },
        {
          id: 'red-no-responsibility',
          text: 'The child does not take responsibility, blames others or feels a strong sense of grievance',
        },
        {
          id: 'red-frequent',
          text: 'Frequent or increasing incidents, and a focus on them out of proportion to the rest of the child’s life',
        },
        { id: 'red-compulsive', text: 'Not easily distracted; compulsive and persistent despite intervention' },
        {
          id: 'red-other-behaviours',
          text: 'Other concerning behaviour: cruelty to animals, fire setting, violence, disproportionate use of pornography',
        },
      ]),
    ],
  };
}
