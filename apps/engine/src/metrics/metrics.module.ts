import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';

/** GET /metrics. RuntimeMetrics itself comes from the RuntimeModule, which feeds it. */
@Module({ controllers: [MetricsController] })
export class MetricsModule {}
