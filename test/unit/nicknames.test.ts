// Familiar forms of first names for "Find a child" (issue 15): either way, one step, and the words
// of a typed name.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { nameVariants, nameWords, normaliseName, sameFirstName } from '../../src/domain/nicknames.ts';
import { dayMonthSwapped } from '../../src/domain/child-match.ts';
import { compactIdentifier } from '../../src/domain/identifiers.ts';

describe('familiar forms of first names', () => {
  it('finds the full names a familiar form is short for, the typed name first', () => {
    assert.deepEqual(nameVariants('Alex'), ['alex', 'alexander', 'alexandra', 'alexis']);
    assert.deepEqual(nameVariants('Sam'), ['sam', 'samuel', 'samantha']);
    assert.ok(nameVariants('liz').includes('elizabeth'));
    assert.ok(nameVariants('Beth').includes('elizabeth'));
  });

  it('finds the familiar forms of a full name', () => {
    const elizabeth = nameVariants('Elizabeth');
    for (const familiar of ['liz', 'beth', 'lizzie', 'eliza', 'betty'])
      assert.ok(elizabeth.includes(familiar), familiar);
    assert.ok(nameVariants('Samantha').includes('sam'));
    assert.ok(nameVariants('Alexandra').includes('alex'));
  });

  it('goes one step only: a full name does not find the other full names of its familiar forms', () => {
    assert.ok(!nameVariants('Alexander').includes('alexandra'));
    assert.ok(!nameVariants('Samuel').includes('samantha'));
  });

  it('matches either way, whatever the case and spaces', () => {
    assert.equal(sameFirstName('Liz', 'ELIZABETH'), true);
    assert.equal(sameFirstName(' elizabeth ', 'Liz'), true);
    assert.equal(sameFirstName('Sam', 'Samantha'), true);
    assert.equal(sameFirstName('Samantha', 'Sam'), true);
    assert.equal(sameFirstName('Sam', 'Elizabeth'), false);
  });

  it('is symmetric for every pair and always includes the name typed, once', () => {
    const names = ['alex', 'alexander', 'liz', 'elizabeth', 'sam', 'samuel', 'toby', 'tobias', 'maya', 'kai', 'x'];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.constantFrom(...names), (first, second) => {
        assert.equal(sameFirstName(first, second), sameFirstName(second, first));
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (typed) => {
        const variants = nameVariants(typed);
        if (normaliseName(typed)) assert.equal(variants[0], normaliseName(typed));
        else assert.deepEqual(variants, []);
        assert.equal(new Set(variants).size, variants.length);
      }),
    );
  });

  it('leaves a name with no familiar form as it is', () => {
    assert.deepEqual(nameVariants('Ellis'), ['ellis']);
    assert.deepEqual(nameVariants(''), []);
  });

  it('reads the names of an object’s own properties as names, not as the table’s', () => {
    assert.deepEqual(nameVariants('constructor'), ['constructor']);
    assert.deepEqual(nameVariants('__proto__'), ['__proto__']);
  });
});

describe('the words of a typed name', () => {
  it('splits at spaces, in lower case, without punctuation around a word', () => {
    assert.deepEqual(nameWords('  Ellis   Hawthorn, '), ['ellis', 'hawthorn']);
    assert.deepEqual(nameWords('Mary-Jane O’Neill'), ['mary-jane', "o'neill"]);
    assert.deepEqual(nameWords(' , '), []);
  });
});

describe('what else the search compares', () => {
  it('swaps the day and month of a date of birth when that is another real date', () => {
    assert.equal(dayMonthSwapped('2014-03-04'), '2014-04-03');
    assert.equal(dayMonthSwapped('2014-04-03'), '2014-03-04');
    assert.equal(dayMonthSwapped('2014-03-03'), null);
    assert.equal(dayMonthSwapped('2014-03-13'), null);
    assert.equal(dayMonthSwapped('2014-02-31'), null);
  });

  it('compares identifiers without spaces or hyphens, in capitals', () => {
    assert.equal(compactIdentifier('943 476 5919'), '9434765919');
    assert.equal(compactIdentifier('943-476-5919'), '9434765919');
    assert.equal(compactIdentifier(' ken 100200 '), 'KEN100200');
  });
});
