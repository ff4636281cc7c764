import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

/** Keeps a long-running job: its lock runs `lockDurationMs` from now. */
export class ExtendJobLockDto {
  @ApiProperty({ description: 'The worker that activated the job.', example: 'civil-register-connector-1' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  worker!: string;

  @ApiProperty({ minimum: 1000, maximum: 86_400_000, example: 300_000 })
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(86_400_000)
  lockDurationMs!: number;
}
