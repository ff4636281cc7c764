import { percentile, round, summarize } from './stats';

describe('bench statistics', () => {
  it('takes the nearest-rank percentile, always one of the samples', () => {
    // given the samples 1..100 in shuffled order
    const samples = Array.from({ length: 100 }, (_, index) => ((index * 37) % 100) + 1);
    // when the percentiles are taken, then each is the sample at its rank
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile(samples, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
  });

  it('rounds up to the next rank when p % of the samples is no whole number', () => {
    // given 10 samples, when the p99 is taken, then it is the largest (rank ceil(9.9) = 10)
    expect(percentile([5, 1, 4, 2, 3, 10, 9, 8, 7, 6], 99)).toBe(10);
    expect(percentile([5, 1, 4, 2, 3, 10, 9, 8, 7, 6], 50)).toBe(5);
  });

  it('summarizes a series and leaves the input unsorted', () => {
    // given a series
    const samples = [4, 1, 3, 2];
    // when it is summarized
    const summary = summarize(samples);
    // then the figures come from the sorted copy
    expect(summary).toEqual({ count: 4, p50: 2, p99: 4, max: 4, mean: 2.5 });
    expect(samples).toEqual([4, 1, 3, 2]);
  });

  it('gives NaN for an empty series and refuses a percentile outside (0, 100]', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(summarize([]).p99).toBeNaN();
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('rounds to 3 significant figures below 100 and to whole numbers above', () => {
    expect(round(1.23456)).toBe(1.23);
    expect(round(0.012345)).toBe(0.0123);
    expect(round(1234.5)).toBe(1235);
    expect(round(Number.NaN)).toBeNaN();
  });
});
