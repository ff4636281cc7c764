import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { runPaed01 } from './paed01';

const root = process.env['LAUFWEG_CONFORMANCE_DIR'] ?? resolve(__dirname, '../../../../../shared/conformance');

(existsSync(resolve(root, 'paed01')) ? describe : describe.skip)('paed01 execution conformance', () => {
  it('passes every standard run', async () => {
    const result = await runPaed01(root);
    const standardFailures = result.failures.filter((failure) => failure.startsWith('[standard]'));
    console.log(result.rows.map((row) => `${row.label}: ${row.passed}/${row.total}`).join('\n'));
    expect(standardFailures).toEqual([]);
    expect(result.json['paed01StandardPassed']).toBe(result.json['paed01StandardTotal']);
    expect(result.json['paed01StandardTotal']).toBe(72);
  }, 120_000);
});
