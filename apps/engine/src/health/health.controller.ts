import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { readMigrationStatus } from '@laufweg/persistence';
import { Public } from '../auth/auth.decorators';
import { problemType } from '../problem/problem-details';

/** Liveness and readiness for load balancers and orchestrators. */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @HttpCode(200)
  @ApiOperation({ summary: 'Liveness: the process answers.' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: the database answers and every migration is applied.' })
  @ApiOkResponse({ schema: { example: { status: 'ready', database: 'up', migrations: { applied: 1, pending: [] } } } })
  @ApiServiceUnavailableResponse({ description: 'Database unreachable or migrations pending (problem+json).' })
  async ready(): Promise<{ status: 'ready'; database: 'up'; migrations: { applied: number; pending: readonly string[] } }> {
    let status;
    try {
      status = await readMigrationStatus(this.dataSource);
    } catch (error) {
      throw new ServiceUnavailableException({
        type: problemType('not-ready'),
        title: 'Not ready',
        status: 503,
        detail: `The database does not answer: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
    if (status.pending.length > 0) {
      throw new ServiceUnavailableException({
        type: problemType('not-ready'),
        title: 'Not ready',
        status: 503,
        detail: `Migrations pending: ${status.pending.join(', ')}. Run \`npm run migrate\`.`,
      });
    }
    return { status: 'ready', database: 'up', migrations: { applied: status.applied.length, pending: [] } };
  }
}
