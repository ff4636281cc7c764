import { checkPathContains, diffPath } from './path-diff';

describe('path diff', () => {
  it('given equal paths, then there is no diff', () => {
    expect(diffPath(['a', 'b'], ['a', 'b'])).toBeUndefined();
  });

  it('given paths that part after a long common start, then the diff names the first diverging element and shows three lines of context', () => {
    const diff = diffPath(['s', 'a', 'b', 'c', 'd', 'x', 'end'], ['s', 'a', 'b', 'c', 'd', 'y', 'z', 'end']);
    expect(diff).toMatchObject({ position: 6, expected: 'x', actual: 'y', message: "path differs at element 6: expected 'x', but the instance entered 'y' after 'd'" });
    expect(diff?.diff.split('\n')).toEqual(['      ... 2 equal', '     3  b', '     4  c', '     5  d', '-    6  x', '-    7  end', '+    6  y', '+    7  z', '+    8  end']);
  });

  it('given an actual path that stops early, then the diff says where the path ends', () => {
    expect(diffPath(['a', 'b', 'c'], ['a', 'b'])).toMatchObject({ position: 3, message: "path differs at element 3: expected 'c', but the path ends after 'b'" });
    expect(diffPath(['a', 'b', 'c'], ['a', 'b'])?.diff).toContain('+     (end)');
  });

  it('given an actual path that goes on, then the diff names the element entered after the expected end', () => {
    expect(diffPath(['a'], ['a', 'b'])?.message).toBe("path differs at element 2: expected the path to end after 'a', but the instance entered 'b'");
    expect(diffPath(['a'], ['b'])?.message).toBe("path differs at element 1: expected 'a', but the instance entered 'b'");
  });

  it('given contains and excludes, then the first missing element in order, or the first excluded one, is named', () => {
    expect(checkPathContains(['a', 'c'], [], ['a', 'b', 'c'])).toBeUndefined();
    expect(checkPathContains(['c', 'a'], [], ['a', 'b', 'c'])?.message).toBe("path does not contain 'a' after 'c' (it was entered, but earlier)");
    expect(checkPathContains(['x'], [], ['a'])?.message).toBe("path does not contain 'x'");
    expect(checkPathContains([], ['b'], ['a', 'b'])?.message).toBe("path enters 'b' at element 2, which the scenario excludes");
  });
});
