import { PlanRefresh } from './plan-refresh';

function schedule(refresh: PlanRefresh<object>, connection: object, clock: { now: number }, times: readonly number[]): number[] {
  const dropped: number[] = [];
  for (const at of times) {
    clock.now = at;
    if (refresh.due(connection)) dropped.push(at);
  }
  return dropped;
}

describe('PlanRefresh', () => {
  it('given a young connection, then its plans are dropped as they double in age (1, 2, 4, 8 s), never on its first use', () => {
    const clock = { now: 0 };
    const refresh = new PlanRefresh<object>(60_000, 1_000, () => clock.now);
    const everyTenthSecond = Array.from({ length: 200 }, (_, index) => index * 100);
    expect(schedule(refresh, {}, clock, everyTenthSecond)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
  });

  it('given an old connection, then its plans are dropped once per longest interval', () => {
    const clock = { now: 0 };
    const refresh = new PlanRefresh<object>(300_000, 1_000, () => clock.now);
    const everySecond = Array.from({ length: 1_200 }, (_, index) => index * 1_000);
    const dropped = schedule(refresh, {}, clock, everySecond);
    expect(dropped.slice(0, 9)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000]);
    expect(dropped.slice(9)).toEqual([512_000, 812_000, 1_112_000]);
  });

  it('given two connections, then each has its own schedule', () => {
    const clock = { now: 0 };
    const refresh = new PlanRefresh<object>(60_000, 100, () => clock.now);
    const [first, second] = [{}, {}];
    refresh.due(first);
    clock.now = 60;
    refresh.due(second);
    clock.now = 100;
    expect([refresh.due(first), refresh.due(second)]).toEqual([true, false]);
    clock.now = 160;
    expect([refresh.due(first), refresh.due(second)]).toEqual([false, true]);
  });

  it('refuses intervals that do not fit together', () => {
    expect(() => new PlanRefresh(1_000, -1)).toThrow(RangeError);
    expect(() => new PlanRefresh(500, 1_000)).toThrow(RangeError);
  });
});
