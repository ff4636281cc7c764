import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';
import type { JsonObject } from '@laufweg/bpmn-model';

/** Completes a job; its variables are merged into the process (after the element's output mappings). */
export class CompleteJobDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { birthRecordFound: true, registerNumber: 'G 123/1990' } })
  @IsOptional()
  @IsObject()
  variables?: JsonObject;
}
