import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import type { JsonObject } from '@laufweg/bpmn-model';
import { PagingQueryDto } from '../shared/paging.dto';
import { ArrayQuery, BooleanQuery } from '../shared/query-transforms';
import { VARIABLE_FILTER_DOC, VARIABLE_FILTER_PATTERN } from '../shared/variable-filter';

export const INSTANCE_STATUSES = ['active', 'completed', 'terminated'] as const;
export const INSTANCE_SORT_FIELDS = ['startedAt', 'endedAt', 'key', 'processId', 'businessKey'] as const;

/** Starts an instance of the latest version of a process. */
export class StartProcessInstanceDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { applicant: 'Erika Mustermann', plotNumber: '123/4' } })
  @IsOptional()
  @IsObject()
  variables?: JsonObject;

  @ApiPropertyOptional({ description: 'The case reference outside the engine (e.g. the portal submission id).', example: 'BG-2026-0042' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  businessKey?: string;
}

export class StartedProcessInstanceDto {
  @ApiProperty({ example: '2251799813685400' }) processInstanceKey!: string;
  @ApiProperty({ example: 'building-permit' }) processId!: string;
}

export class SearchProcessInstancesDto extends PagingQueryDto {
  @ApiPropertyOptional({ enum: INSTANCE_STATUSES }) @IsOptional() @IsIn(INSTANCE_STATUSES) status?: (typeof INSTANCE_STATUSES)[number];
  @ApiPropertyOptional({ example: 'building-permit' }) @IsOptional() @IsString() @MaxLength(255) processId?: string;
  @ApiPropertyOptional({ example: '2251799813685300' }) @IsOptional() @Matches(/^[1-9][0-9]{0,18}$/) processDefinitionKey?: string;
  @ApiPropertyOptional({ example: 'BG-2026-0042' }) @IsOptional() @IsString() @MaxLength(255) businessKey?: string;

  @ApiPropertyOptional({ description: VARIABLE_FILTER_DOC, type: [String], example: ['plotNumber:eq:"123/4"'] })
  @IsOptional()
  @ArrayQuery()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(VARIABLE_FILTER_PATTERN, { each: true, message: 'each variables filter must read name:operator:value with operator eq, neq, gt, gte, lt, lte or like' })
  variables?: string[];

  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601() startedAfter?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601() startedBefore?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601() endedAfter?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601() endedBefore?: string;
  @ApiPropertyOptional({ description: 'Only instances with (true) or without (false) open incidents in their tree.' }) @IsOptional() @BooleanQuery() withIncidents?: boolean;
  @ApiPropertyOptional({ enum: INSTANCE_SORT_FIELDS, default: 'startedAt' }) @IsOptional() @IsIn(INSTANCE_SORT_FIELDS) sortBy?: (typeof INSTANCE_SORT_FIELDS)[number];
}

export class ProcessInstanceDto {
  @ApiProperty({ example: '2251799813685400' }) key!: string;
  @ApiProperty({ description: 'The root instance of its tree (itself, unless a call activity started it).', example: '2251799813685400' }) rootKey!: string;
  @ApiProperty({ example: '2251799813685300' }) processDefinitionKey!: string;
  @ApiProperty({ example: 'building-permit' }) processId!: string;
  @ApiProperty({ example: 2 }) version!: number;
  @ApiProperty({ nullable: true, type: String, example: 'BG-2026-0042' }) businessKey!: string | null;
  @ApiProperty({ enum: INSTANCE_STATUSES }) status!: (typeof INSTANCE_STATUSES)[number];
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) endedAt!: string | null;
  @ApiProperty({ description: 'Open incidents of the instance.', example: 0 }) incidents!: number;
}

export class ProcessInstancePageDto {
  @ApiProperty({ type: [ProcessInstanceDto] }) items!: ProcessInstanceDto[];
  @ApiProperty({ example: 1 }) total!: number;
  @ApiProperty({ example: 50 }) limit!: number;
  @ApiProperty({ example: 0 }) offset!: number;
}

export class ElementInstanceDto {
  @ApiProperty({ example: '2251799813685410' }) key!: string;
  @ApiProperty({ example: 'check' }) elementId!: string;
  @ApiProperty({ example: 'userTask' }) elementType!: string;
  @ApiProperty({ example: 'activated' }) state!: string;
  @ApiProperty({ nullable: true, type: String, example: '2251799813685400' }) flowScopeKey!: string | null;
}

export class VariableDto {
  @ApiProperty({ description: 'The element instance whose scope holds it (the process instance for process variables).', example: '2251799813685400' }) scopeKey!: string;
  @ApiProperty({ example: 'applicant' }) name!: string;
  @ApiProperty({ example: 'Erika Mustermann' }) value!: unknown;
}

export class IncidentSummaryDto {
  @ApiProperty({ example: '2251799813685500' }) key!: string;
  @ApiProperty({ example: 'notify' }) elementId!: string;
  @ApiProperty({ example: 'JOB_NO_RETRIES' }) errorType!: string;
  @ApiProperty({ example: 'Portal nicht erreichbar' }) message!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ProcessInstanceDetailDto extends ProcessInstanceDto {
  @ApiProperty({ type: [ElementInstanceDto], description: 'Active element instances (finished ones are in the history).' }) elementInstances!: ElementInstanceDto[];
  @ApiProperty({ type: [VariableDto] }) variables!: VariableDto[];
  @ApiProperty({ type: [IncidentSummaryDto] }) openIncidents!: IncidentSummaryDto[];
}

export class HistoryQueryDto {
  @ApiPropertyOptional({ description: 'Cursor: only entries after this position (the `nextPosition` of the previous page).', example: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  afterPosition?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class HistoryEntryDto {
  @ApiProperty({ example: 3 }) position!: number;
  @ApiProperty({ example: 'ElementActivated' }) type!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ nullable: true, type: String, example: 'check' }) elementId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { type: 'ElementActivated', v: 1, key: '2251799813685410' } }) event!: Record<string, unknown>;
}

export class HistoryPageDto {
  @ApiProperty({ type: [HistoryEntryDto] }) items!: HistoryEntryDto[];
  @ApiProperty({ nullable: true, type: Number, description: 'Pass as afterPosition for the next page; null at the end.' }) nextPosition!: number | null;
}

export class ActivateElementDto {
  @ApiProperty({ example: 'approve' }) @IsString() @MinLength(1) @MaxLength(255) elementId!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { reason: 'Nachbearbeitung' } }) @IsOptional() @IsObject() variables?: JsonObject;
}

export class ModifyProcessInstanceDto {
  @ApiPropertyOptional({ type: [ActivateElementDto] }) @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => ActivateElementDto) activate?: ActivateElementDto[];

  @ApiPropertyOptional({ description: 'Element instance keys to terminate.', type: [String], example: ['2251799813685410'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(/^[1-9][0-9]{0,18}$/, { each: true, message: 'each terminate entry must be an element instance key' })
  terminate?: string[];
}
