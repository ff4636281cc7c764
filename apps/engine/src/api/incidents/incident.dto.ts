import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PagingQueryDto } from '../shared/paging.dto';

export class SearchIncidentsDto extends PagingQueryDto {
  @ApiPropertyOptional({ example: '2251799813685400' }) @IsOptional() @Matches(/^[1-9][0-9]{0,18}$/) processInstanceKey?: string;
  @ApiPropertyOptional({ example: 'building-permit' }) @IsOptional() @IsString() @MaxLength(255) processId?: string;
  @ApiPropertyOptional({ example: 'notify' }) @IsOptional() @IsString() @MaxLength(255) elementId?: string;
  @ApiPropertyOptional({ example: 'JOB_NO_RETRIES' }) @IsOptional() @IsString() @MaxLength(64) errorType?: string;
}

export class IncidentDto {
  @ApiProperty({ example: '2251799813685500' }) key!: string;
  @ApiProperty({ example: '2251799813685400' }) processInstanceKey!: string;
  @ApiProperty({ example: 'building-permit' }) processId!: string;
  @ApiProperty({ example: '2251799813685460' }) elementInstanceKey!: string;
  @ApiProperty({ example: 'notify' }) elementId!: string;
  @ApiProperty({ example: 'JOB_NO_RETRIES' }) errorType!: string;
  @ApiProperty({ example: 'Portal nicht erreichbar' }) message!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The job whose retries ran out, if any.', example: '2251799813685470' }) jobKey!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class IncidentPageDto {
  @ApiProperty({ type: [IncidentDto] }) items!: IncidentDto[];
  @ApiProperty({ example: 1 }) total!: number;
  @ApiProperty({ example: 50 }) limit!: number;
  @ApiProperty({ example: 0 }) offset!: number;
}

export class ResolveIncidentDto {
  @ApiPropertyOptional({ description: 'For a job incident: the retries the job gets back (default: at least 1).', minimum: 1, maximum: 100, example: 3 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  retries?: number;
}
