import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** Reports a failed attempt; with no retries left the engine raises an incident. */
export class FailJobDto {
  @ApiProperty({ description: 'Retries left after this failure (usually the job\'s retries - 1); 0 raises an incident.', minimum: 0, example: 2 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1000)
  retries!: number;

  @ApiPropertyOptional({ example: 'Civil register did not answer within 30 s.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  errorMessage?: string;

  @ApiPropertyOptional({ description: 'Wait this long before the job is handed out again (milliseconds).', minimum: 0, example: 30_000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(31 * 86_400_000)
  retryBackoffMs?: number;
}
