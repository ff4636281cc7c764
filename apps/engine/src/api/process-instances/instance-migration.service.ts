import { Injectable, NotFoundException } from '@nestjs/common';
import { EngineRuntime, InstanceNotFoundError, RecordNotFoundError } from '@laufweg/persistence';
import { problemType } from '../../problem/problem-details';
import { recordNotFound, unprocessable } from '../shared/api-problems';
import { DeploymentsRepository } from '../deployments/deployments.repository';
import type { MigrateProcessInstancesDto, MigrationResultDto } from './migrate-process-instances.dto';
import { ProcessInstancesRepository } from './process-instances.repository';

const DEFAULT_BATCH = 20;

/**
 * Migrates running instances to another process definition in two phases: first every instance
 * is checked against the mapping on its stored state (nothing locked, nothing changed) and any
 * problem refuses the whole request (422 `migration-invalid`, one entry per instance and
 * element); then the instances are migrated in batches, each instance one engine command in its
 * own transaction. An instance that changed in between (completed, moved on) is reported as
 * failed; the others are migrated.
 */
@Injectable()
export class InstanceMigrationService {
  constructor(
    private readonly runtime: EngineRuntime,
    private readonly instances: ProcessInstancesRepository,
    private readonly definitions: DeploymentsRepository,
  ) {}

  async migrate(tenantId: string, request: MigrateProcessInstancesDto): Promise<MigrationResultDto> {
    if (!(await this.definitions.definition(tenantId, request.targetProcessDefinitionKey))) throw recordNotFound('process-definition', request.targetProcessDefinitionKey);
    const existing = await this.instances.existing(tenantId, request.processInstanceKeys);
    const missing = request.processInstanceKeys.filter((key) => !existing.has(key));
    if (missing.length > 0) {
      throw new NotFoundException({
        type: problemType('process-instance-not-found'),
        title: 'Process instance not found',
        status: 404,
        detail: `Process instance ${missing.join(', ')} does not exist in this tenant; nothing was migrated.`,
      });
    }
    const plan = { targetProcessDefinitionKey: request.targetProcessDefinitionKey, mappingInstructions: request.mappingInstructions };
    const errors: { field: string; elementId?: string; rule: string; message: string }[] = [];
    for (const [index, key] of request.processInstanceKeys.entries()) {
      for (const problem of await this.runtime.checkMigration(tenantId, key, plan)) {
        errors.push({ field: `processInstanceKeys[${index}]`, rule: 'migration-mapping', message: `${key}: ${problem.message}`, ...(problem.elementId ? { elementId: problem.elementId } : {}) });
      }
    }
    if (errors.length > 0) throw unprocessable('migration-invalid', 'Migration not possible', 'The mapping does not fit every instance; nothing was migrated.', errors);

    const result: MigrationResultDto = { migrated: [], failed: [] };
    const batchSize = request.batchSize ?? DEFAULT_BATCH;
    for (let start = 0; start < request.processInstanceKeys.length; start += batchSize) {
      const batch = request.processInstanceKeys.slice(start, start + batchSize);
      const outcomes = await Promise.all(batch.map(async (key) => this.migrateOne(tenantId, key, plan)));
      batch.forEach((key, index) => {
        const reason = outcomes[index];
        if (reason === undefined) result.migrated.push(key);
        else result.failed.push({ processInstanceKey: key, reason });
      });
    }
    return result;
  }

  /** Undefined when migrated, else why not. */
  private async migrateOne(tenantId: string, key: string, plan: Parameters<EngineRuntime['migrateInstance']>[2]): Promise<string | undefined> {
    try {
      const outcome = await this.runtime.migrateInstance(tenantId, key, plan);
      return outcome.rejected ? outcome.reason : undefined;
    } catch (error) {
      if (error instanceof RecordNotFoundError || error instanceof InstanceNotFoundError) return error.message;
      throw error;
    }
  }
}
