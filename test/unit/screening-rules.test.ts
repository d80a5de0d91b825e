// What screening an incident must say before anything is written: a tool of the pack this person
// may use (R-NEL-4, R-X-5), the tool's answers and each fact the pack asks; and the decision, a
// level of the pack with reasons, saying why when it differs from the suggestion (R-X-9).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DECISION_RATIONALE_MAX,
  type ToolChoice,
  decisionProblems,
  screeningProblems,
} from '../../src/domain/screening-rules.ts';
import { getPack } from '../../src/procedures/index.ts';

const nel = getPack('north-east-lincolnshire')!;
const tool = (id: string) => nel.tools.find((candidate) => candidate.id === id)!;
const tools: ToolChoice[] = [
  { tool: tool('concerning-indicators'), allowed: true, needs: null },
  { tool: tool('brook'), allowed: false, needs: 'Brook Traffic Light' },
];
const allFacts = Object.fromEntries(nel.facts.map((fact) => [fact, false]));
const facts = { tools, packFacts: nel.facts };

describe('screening answers', () => {
  it('take a tool of the pack, what it needs and every fact the pack asks', () => {
    assert.deepEqual(
      screeningProblems({ toolId: 'concerning-indicators', answers: { none: true }, facts: allFacts }, facts),
      [],
    );
    const { significant_harm: _, ...unanswered } = allFacts;
    assert.deepEqual(
      screeningProblems(
        { toolId: 'concerning-indicators', answers: {}, facts: { ...unanswered, open_case: null } },
        facts,
      ),
      [
        {
          field: 'items',
          message:
            'Select what applies, or select ‘None of these apply: the behaviour is typical for the child’s age or stage’',
        },
        {
          field: 'fact-significant_harm',
          message: 'Select yes if significant harm is suspected, no if not, or not known',
        },
      ],
    );
  });

  it('say only which tool when it is not one of the pack’s', () => {
    assert.deepEqual(screeningProblems({ toolId: 'carson', answers: {}, facts: {} }, facts), [
      { field: 'tool', message: 'Select a screening tool' },
    ]);
  });

  it('refuse the Brook tool to staff without its training (R-NEL-4, R-X-5)', () => {
    assert.deepEqual(screeningProblems({ toolId: 'brook', answers: {}, facts: {} }, facts), [
      {
        field: 'tool',
        message: 'Only staff with Brook Traffic Light training can use the Brook Traffic Light characteristics',
      },
    ]);
  });
});

describe('the screening decision (R-X-9)', () => {
  const levels = { levelIds: nel.levels.map((level) => level.id), suggestedLevel: 'problematic' };
  it('confirms or changes the level with reasons', () => {
    assert.deepEqual(decisionProblems({ levelId: 'problematic', rationale: 'Because' }, levels), []);
    assert.deepEqual(decisionProblems({ levelId: 'abusive', rationale: 'Because' }, levels), []);
  });

  it('asks why when the level differs from the one suggested', () => {
    assert.deepEqual(decisionProblems({ levelId: 'abusive', rationale: ' ' }, levels), [
      { field: 'rationale', message: 'Enter why you chose a different level from the one suggested' },
    ]);
    assert.deepEqual(decisionProblems({ levelId: 'problematic', rationale: '' }, levels), [
      { field: 'rationale', message: 'Enter the reasons for your decision' },
    ]);
  });

  it('needs a level of the pack, and reasons within the limit', () => {
    assert.deepEqual(decisionProblems({ levelId: 'red', rationale: '' }, levels), [
      { field: 'level', message: 'Select the level of concern' },
      { field: 'rationale', message: 'Enter the reasons for your decision' },
    ]);
    assert.deepEqual(
      decisionProblems({ levelId: 'typical', rationale: 'x'.repeat(DECISION_RATIONALE_MAX + 1) }, levels),
      [
        {
          field: 'rationale',
          message: `Reasons for your decision must be ${DECISION_RATIONALE_MAX.toLocaleString('en-GB')} characters or fewer`,
        },
      ],
    );
  });
});
