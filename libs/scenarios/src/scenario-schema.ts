// The published JSON Schema lives outside src/ (libs/scenarios/schema/) so that editors and
// other tools find it at a stable path; this module is its one door into the code.
import schema from '../schema/scenario.schema.json';

export const scenarioSchema = schema;
