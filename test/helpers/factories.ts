// Test data: a child's fields with plain defaults, overridden where a test cares.
import type { ChildFields } from '../../src/repositories/children.ts';

export function childFields(overrides: Partial<ChildFields> = {}): ChildFields {
  return {
    firstName: 'Test',
    lastName: 'Child',
    otherNames: '',
    dateOfBirth: '2015-01-01',
    sex: 'not_known',
    ethnicity: '',
    send: false,
    sendDetails: '',
    developmentalAge: null,
    lookedAfter: false,
    schoolOrSetting: '',
    homeArea: '',
    personId: '',
    nhsNumber: '',
    ...overrides,
  };
}
