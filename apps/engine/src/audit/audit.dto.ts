import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** GET /api/v1/audit/verify */
export class VerifyAuditQueryDto {
  @ApiProperty({ description: 'The tenant whose chain to verify (`_system`: requests outside any tenant; admin only).', example: '14511000' })
  @IsString()
  @Matches(/^([a-z0-9][a-z0-9-]{1,62}|_system)$/, { message: 'tenantId must be a tenant id' })
  tenantId!: string;
}

export class AuditVerificationDto {
  @ApiProperty({ example: '14511000' }) tenantId!: string;
  @ApiProperty({ description: 'True when every link holds and the chain ends at its head.', example: false }) ok!: boolean;
  @ApiProperty({ description: 'Entries checked (up to the first broken one).', example: 1234 }) entries!: number;
  @ApiProperty({ description: 'The seq the chain head records.', example: 1234 }) headSeq!: number;
  @ApiPropertyOptional({ description: 'The first entry whose link does not hold.', example: 118 }) firstBrokenSeq?: number;
  @ApiPropertyOptional({ example: 'entry 118 was changed: its content does not match its hash' }) reason?: string;
}

/** GET /api/v1/tenants/:tenantId/audit */
export class AuditQueryDto {
  @ApiPropertyOptional({ description: 'process-instance, user-task, job, deployment, ...', example: 'process-instance' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  targetKind?: string;

  @ApiPropertyOptional({ example: '2251799813685249' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  targetKey?: string;

  @ApiPropertyOptional({ description: 'Exact action, e.g. `retention.erased` or `engine.UserTaskCompleted`.', example: 'engine.UserTaskCompleted' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  action?: string;

  @ApiPropertyOptional({ description: 'A caller subject, `engine` or `retention`.', example: 'carla' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  actor?: string;

  @ApiPropertyOptional({ description: 'Entries at or after this time.', format: 'date-time', example: '2026-11-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Entries before this time.', format: 'date-time', example: '2026-12-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: 'Paging: entries after this seq (the previous page\'s nextAfterSeq).', minimum: 0, example: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  afterSeq?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100, example: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class AuditEntryDto {
  @ApiProperty({ example: '14511000' }) tenantId!: string;
  @ApiProperty({ description: 'Position in the tenant\'s chain: 1, 2, 3, ...', example: 118 }) seq!: number;
  @ApiProperty({ format: 'date-time', example: '2026-11-28T09:00:00.000Z' }) at!: string;
  @ApiProperty({ description: 'Caller subject, `engine` or `retention`.', example: 'carla' }) actor!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Roles, comma-separated.', example: 'caseworker' }) role!: string | null;
  @ApiProperty({ example: 'engine.UserTaskCompleted' }) action!: string;
  @ApiProperty({ nullable: true, type: String, example: 'process-instance' }) targetKind!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2251799813685249' }) targetKey!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '3f0c2c1e-7c4b-4a8e-9d53-0f1f1b8e2a11' }) requestId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Keys, element ids, names; never case data.', example: { rootKey: '2251799813685249', position: 12, eventSeq: '5120', key: '2251799813685312', elementId: 'approve' } })
  details!: Record<string, unknown>;
  @ApiProperty({ example: 'a3f1…' }) prevHash!: string;
  @ApiProperty({ description: 'SHA-256 over the canonical entry (ADR 0005).', example: '9b2e…' }) hash!: string;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items!: AuditEntryDto[];
  @ApiProperty({ nullable: true, type: Number, description: 'Pass as afterSeq for the next page; null on the last page.', example: 218 }) nextAfterSeq!: number | null;
}
