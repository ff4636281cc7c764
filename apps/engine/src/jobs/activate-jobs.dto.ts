import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

/** A worker asks for jobs of one type. */
export class ActivateJobsDto {
  @ApiProperty({ description: 'The job type (zeebe:taskDefinition type).', example: 'civil-register.lookup' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  type!: string;

  @ApiProperty({ description: 'Names the worker in the job locks; extend-lock must name the same worker.', example: 'civil-register-connector-1' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  worker!: string;

  @ApiProperty({ description: 'Most jobs to hand out.', minimum: 1, maximum: 100, example: 10 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  maxJobs!: number;

  @ApiProperty({ description: 'How long the jobs are withheld from other workers, in milliseconds.', minimum: 1000, maximum: 86_400_000, example: 300_000 })
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(86_400_000)
  lockDurationMs!: number;

  @ApiPropertyOptional({
    description: 'Long polling: when no job is due, wait up to this long for one before answering with none (milliseconds).',
    minimum: 0,
    maximum: 60_000,
    default: 0,
    example: 20_000,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60_000)
  requestTimeoutMs?: number;
}

/** A job handed to a worker, locked for it until `lockExpiresAt`. */
export class ActivatedJobDto {
  @ApiProperty({ example: '2251799813685312' }) key!: string;
  @ApiProperty({ example: '14713000' }) tenantId!: string;
  @ApiProperty({ example: 'civil-register.lookup' }) type!: string;
  @ApiProperty({ example: '2251799813685249' }) processInstanceKey!: string;
  @ApiProperty({ example: 'lookup-birth-record' }) elementId!: string;
  @ApiProperty({ description: 'Retries left, including this attempt.', example: 3 }) retries!: number;
  @ApiProperty({ description: 'The element\'s zeebe:taskHeaders.', type: 'object', additionalProperties: { type: 'string' }, example: { retryBackoff: 'PT30S' } })
  customHeaders!: Record<string, string>;
  @ApiProperty({ description: 'The variables visible at the element, innermost scope winning.', type: 'object', additionalProperties: true, example: { applicant: 'Erika Mustermann', birthDate: '1990-04-01' } })
  variables!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time', example: '2026-11-28T09:05:00.000Z' }) lockExpiresAt!: string;
}

export class ActivateJobsResponseDto {
  @ApiProperty({ type: [ActivatedJobDto] }) jobs!: ActivatedJobDto[];
}
