export * from './lib/route-bundle';
export { checkManifest, type RouteManifest } from './lib/route-manifest';
export { loadRouteCatalog, loadRouteBundle, SHARED_DIR, type RouteCatalog } from './lib/load-route-catalog';
export { loadTenantValues, checkTenantValues, tenantValuesViolations, MUNICIPALITY_SCHEMA_FILE, type TenantValuesResult, type ValuesViolation } from './lib/tenant-values';
export { routeDeployments, type RouteDeployment, type RouteDeploymentsResult } from './lib/route-deployments';
export { submissionStartVariables, type SubmissionFacts, type SubmissionAttachmentRef } from './lib/submission-start-variables';
export { runDecisionTests, type DecisionTestReport, type DecisionCaseResult } from './lib/decision-tests';
export { applicationValidator, checkApplication, type ApplicationCheck } from './lib/check-application';
