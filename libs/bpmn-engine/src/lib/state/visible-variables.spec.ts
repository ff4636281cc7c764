import { createEmptyState, type ElementInstanceRecord, type EngineState } from './engine-state';
import { visibleVariables } from './visible-variables';

function instance(key: string, flowScopeKey: string | null, processInstanceKey = '1'): ElementInstanceRecord {
  return { key, flowScopeKey, processInstanceKey } as ElementInstanceRecord;
}

describe('visibleVariables', () => {
  const state: EngineState = {
    ...createEmptyState(),
    elementInstances: {
      '1': instance('1', null),
      '2': instance('2', '1'),
      '3': instance('3', '2'),
      '9': instance('9', null, '9'),
    },
    variables: {
      '1': { fee: 12, applicant: { name: 'Erika' }, shadowed: 'outer' },
      '2': { shadowed: 'middle' },
      '3': { own: true, shadowed: 'inner' },
      '9': { other: 'instance' },
    },
  };

  it('given nested scopes, when read from the innermost, then every enclosing scope shows and the innermost wins', () => {
    expect(visibleVariables(state, '3')).toEqual({ fee: 12, applicant: { name: 'Erika' }, shadowed: 'inner', own: true });
  });

  it('given an outer scope, when read from it, then inner scopes and other process instances stay hidden', () => {
    expect(visibleVariables(state, '1')).toEqual({ fee: 12, applicant: { name: 'Erika' }, shadowed: 'outer' });
  });

  it('given the result, when it is changed, then the state is not', () => {
    const seen = visibleVariables(state, '3') as { applicant: { name: string } };
    seen.applicant.name = 'changed';
    expect(state.variables['1']).toEqual({ fee: 12, applicant: { name: 'Erika' }, shadowed: 'outer' });
  });

  it('given an unknown element instance, then nothing is visible', () => {
    expect(visibleVariables(state, '42')).toEqual({});
  });
});
