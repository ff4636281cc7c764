/** Where an actual path leaves the expected one, in words and as a diff. */
export interface PathDiff {
  /** 1-based position of the first diverging element. */
  readonly position: number;
  readonly expected?: string;
  readonly actual?: string;
  /** One sentence naming the first diverging element. */
  readonly message: string;
  /** Lines: shared context, then `-` expected and `+` actual from the divergence on. */
  readonly diff: string;
}

const CONTEXT = 3;
const TAIL = 8;

/** Compares a whole expected path with the actual one; undefined when they are equal. */
export function diffPath(expected: readonly string[], actual: readonly string[]): PathDiff | undefined {
  let index = 0;
  while (index < expected.length && index < actual.length && expected[index] === actual[index]) index++;
  if (index === expected.length && index === actual.length) return undefined;
  const wanted = expected[index];
  const got = actual[index];
  const after = index > 0 ? ` after '${actual[index - 1]}'` : '';
  const message =
    wanted !== undefined && got !== undefined
      ? `path differs at element ${index + 1}: expected '${wanted}', but the instance entered '${got}'${after}`
      : wanted !== undefined
        ? `path differs at element ${index + 1}: expected '${wanted}', but the path ends${after}`
        : `path differs at element ${index + 1}: expected the path to end${after}, but the instance entered '${got ?? ''}'`;
  const lines: string[] = [];
  if (index > CONTEXT) lines.push(`      ... ${index - CONTEXT} equal`);
  for (let shown = Math.max(0, index - CONTEXT); shown < index; shown++) lines.push(`  ${pad(shown)}  ${actual[shown] ?? ''}`);
  lines.push(...tail('-', expected, index), ...tail('+', actual, index));
  return { position: index + 1, ...(wanted === undefined ? {} : { expected: wanted }), ...(got === undefined ? {} : { actual: got }), message, diff: lines.join('\n') };
}

/**
 * Checks that `contains` appear in this order (other elements may come between) and that no
 * element of `excludes` was entered; names the first one that is missing or excluded.
 */
export function checkPathContains(contains: readonly string[], excludes: readonly string[], actual: readonly string[]): PathDiff | undefined {
  let from = 0;
  for (const [index, wanted] of contains.entries()) {
    const found = actual.indexOf(wanted, from);
    if (found < 0) {
      const previous = index > 0 ? ` after '${contains[index - 1]}'` : '';
      const enteredEarlier = actual.indexOf(wanted) >= 0 ? ' (it was entered, but earlier)' : '';
      return {
        position: from + 1,
        expected: wanted,
        message: `path does not contain '${wanted}'${previous}${enteredEarlier}`,
        diff: [`  expected in order: ${contains.join(' > ')}`, `  actual path:       ${actual.join(' > ') || '(empty)'}`].join('\n'),
      };
    }
    from = found + 1;
  }
  const excluded = actual.findIndex((id) => excludes.includes(id));
  if (excluded >= 0) {
    return {
      position: excluded + 1,
      actual: actual[excluded] ?? '',
      message: `path enters '${actual[excluded] ?? ''}' at element ${excluded + 1}, which the scenario excludes`,
      diff: `  actual path: ${actual.join(' > ')}`,
    };
  }
  return undefined;
}

function tail(sign: '-' | '+', path: readonly string[], from: number): string[] {
  const lines = path.slice(from, from + TAIL).map((id, offset) => `${sign} ${pad(from + offset)}  ${id}`);
  if (path.length > from + TAIL) lines.push(`${sign}     ... ${path.length - from - TAIL} more`);
  if (path.length <= from) lines.push(`${sign}     (end)`);
  return lines;
}

function pad(index: number): string {
  return String(index + 1).padStart(4);
}
