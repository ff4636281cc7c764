import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import type { JsonObject } from '@laufweg/bpmn-model';
import { PagingQueryDto } from '../shared/paging.dto';
import { ArrayQuery, BooleanQuery } from '../shared/query-transforms';
import { VARIABLE_FILTER_DOC, VARIABLE_FILTER_PATTERN } from '../shared/variable-filter';

export const TASK_SORT_FIELDS = ['createdAt', 'dueAt', 'priority'] as const;

export class SearchUserTasksDto extends PagingQueryDto {
  @ApiPropertyOptional({ description: 'Only tasks assigned to me.' }) @IsOptional() @BooleanQuery() mine?: boolean;
  @ApiPropertyOptional({ description: 'Only tasks one of my groups in this tenant may claim (candidate groups).' }) @IsOptional() @BooleanQuery() myGroups?: boolean;
  @ApiPropertyOptional({ description: 'Only tasks nobody is assigned to.' }) @IsOptional() @BooleanQuery() unassigned?: boolean;
  @ApiPropertyOptional({ format: 'date-time', description: 'Only tasks due before this time.' }) @IsOptional() @IsISO8601() dueBefore?: string;
  @ApiPropertyOptional({ example: 'building-permit' }) @IsOptional() @IsString() @MaxLength(255) processId?: string;
  @ApiPropertyOptional({ example: '2251799813685400' }) @IsOptional() @Matches(/^[1-9][0-9]{0,18}$/) processInstanceKey?: string;

  @ApiPropertyOptional({ description: VARIABLE_FILTER_DOC, type: [String], example: ['plotNumber:eq:"123/4"'] })
  @IsOptional()
  @ArrayQuery()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(VARIABLE_FILTER_PATTERN, { each: true, message: 'each variables filter must read name:operator:value with operator eq, neq, gt, gte, lt, lte or like' })
  variables?: string[];

  @ApiPropertyOptional({ enum: TASK_SORT_FIELDS, default: 'createdAt' }) @IsOptional() @IsIn(TASK_SORT_FIELDS) sortBy?: (typeof TASK_SORT_FIELDS)[number];
}

export class UserTaskDto {
  @ApiProperty({ example: '2251799813685420' }) key!: string;
  @ApiProperty({ example: 'check' }) elementId!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Antrag prüfen' }) name!: string | null;
  @ApiProperty({ example: 'building-permit' }) processId!: string;
  @ApiProperty({ example: '2251799813685400' }) processInstanceKey!: string;
  @ApiProperty({ nullable: true, type: String, example: 'carla.sachbearbeitung' }) assignee!: string | null;
  @ApiProperty({ type: [String], example: ['bauamt'] }) candidateGroups!: string[];
  @ApiProperty({ type: [String], example: [] }) candidateUsers!: string[];
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) dueAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) followUpAt!: string | null;
  @ApiProperty({ example: 50 }) priority!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, example: 'check-application' }) formId!: string | null;
}

export class UserTaskPageDto {
  @ApiProperty({ type: [UserTaskDto] }) items!: UserTaskDto[];
  @ApiProperty({ example: 1 }) total!: number;
  @ApiProperty({ example: 50 }) limit!: number;
  @ApiProperty({ example: 0 }) offset!: number;
}

export class UserTaskDetailDto extends UserTaskDto {
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true, description: 'The deployed form-js schema of the task, or null when it has none.', example: { id: 'check-application', type: 'default', components: [] } })
  form!: Record<string, unknown> | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The case data the task shows: the variables its form declares and those the route names in its process-level zeebe property `caseSummary`; nothing else.",
    example: { applicant: 'Erika Mustermann', plotNumber: '123/4', documentsComplete: null },
  })
  caseData!: Record<string, unknown>;
}

export class CompleteUserTaskDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: "The form's data; checked against the task's form (unknown keys are refused).", example: { documentsComplete: true, fee: 120 } })
  @IsOptional()
  @IsObject()
  variables?: JsonObject;
}

export class AssignUserTaskDto {
  @ApiProperty({ nullable: true, type: String, description: 'The subject to assign (a member of the tenant), or null to remove the assignee.', example: 'carl.sachbearbeitung' })
  @ValidateIf((_dto, value) => value !== null)
  @IsString()
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  @Matches(/^[^\u0000-\u001f\u007f]{1,255}$/, { message: 'assignee must be the subject of a member, 1–255 characters' })
  assignee!: string | null;
}
