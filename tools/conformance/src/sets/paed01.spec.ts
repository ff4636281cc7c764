import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { runPaed01 } from './paed01';

const root = process.env['LAUFWEG_CONFORMANCE_DIR'] ?? resolve(__dirname, '../../../../../shared/conformance');

describe('paed01 execution conformance', () => {
  it('passes every standard run', async () => {
    // The material sits beside the repository (../shared/conformance), on developer machines and in CI.
    if (!existsSync(resolve(root, 'paed01'))) {
      throw new Error(`No conformance material at ${root}; put shared/conformance beside the repository or set LAUFWEG_CONFORMANCE_DIR.`);
    }
    const result = await runPaed01(root);
    const standardFailures = result.failures.filter((failure) => failure.startsWith('[standard]'));
    console.log(result.rows.map((row) => `${row.label}: ${row.passed}/${row.total}`).join('\n'));
    expect(standardFailures).toEqual([]);
    expect(result.json['paed01StandardPassed']).toBe(result.json['paed01StandardTotal']);
    expect(result.json['paed01StandardTotal']).toBe(72);
  }, 120_000);
});
