import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { JsonObject } from '@laufweg/bpmn-model';

/** Throws a BPMN error at the job's element; an error boundary or event sub-process with its code catches it. */
export class ThrowJobErrorDto {
  @ApiProperty({ example: 'PERSON_UNKNOWN' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  errorCode!: string;

  @ApiPropertyOptional({ example: 'The civil register knows no such person.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  errorMessage?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { lookupFailedReason: 'no-match' } })
  @IsOptional()
  @IsObject()
  variables?: JsonObject;
}
