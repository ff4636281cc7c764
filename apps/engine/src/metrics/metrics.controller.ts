import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { RuntimeMetrics } from './runtime-metrics';

/**
 * Prometheus scrape endpoint. Public (scrapers carry no token); it reveals counts, no case data,
 * and operators restrict it at the network (README.md, "Sign-in").
 */
@ApiTags('metrics')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: RuntimeMetrics) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Metrics in the Prometheus text format: process metrics, engine commands, jobs, instances, open incidents.' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format 0.0.4.', schema: { type: 'string', example: 'laufweg_commands_total{command="CompleteJob",outcome="accepted"} 12' } })
  async scrape(@Res({ passthrough: true }) response: Response): Promise<string> {
    const body = await this.metrics.render();
    response.type(this.metrics.contentType);
    return body;
  }
}
