import { PlanRefresh } from './plan-refresh';

describe('PlanRefresh', () => {
  it('given a connection, then its plans are dropped once per interval, never on its first use', () => {
    let now = 1_000;
    const refresh = new PlanRefresh<object>(10_000, () => now);
    const connection = {};
    const due: boolean[] = [];
    for (const at of [1_000, 5_000, 10_999, 11_000, 11_001, 20_999, 21_000]) {
      now = at;
      due.push(refresh.due(connection));
    }
    expect(due).toEqual([false, false, false, true, false, false, true]);
  });

  it('given two connections, then each has its own schedule', () => {
    let now = 0;
    const refresh = new PlanRefresh<object>(100, () => now);
    const [first, second] = [{}, {}];
    refresh.due(first);
    now = 60;
    refresh.due(second);
    now = 100;
    expect([refresh.due(first), refresh.due(second)]).toEqual([true, false]);
    now = 160;
    expect([refresh.due(first), refresh.due(second)]).toEqual([false, true]);
  });

  it('refuses a negative interval', () => {
    expect(() => new PlanRefresh(-1)).toThrow(RangeError);
  });
});
