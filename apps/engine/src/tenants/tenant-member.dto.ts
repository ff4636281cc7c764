import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsString, Matches } from 'class-validator';

/** A group name as candidate groups use it (zeebe:assignmentDefinition candidateGroups). */
export const GROUP_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

/** The groups of a member; replaces the previous ones. */
export class PutTenantMemberDto {
  @ApiProperty({
    description: 'Groups in this tenant (candidate groups of user tasks); at most 50, each 1–63 letters, digits, dots, hyphens or underscores.',
    type: [String],
    example: ['standesamt', 'buergeramt'],
  })
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique({ message: 'groups must not repeat a group' })
  @IsString({ each: true })
  @Matches(GROUP_PATTERN, { each: true, message: 'each group must be 1–63 letters, digits, dots, hyphens or underscores, e.g. standesamt' })
  groups!: string[];
}

/** A subject's membership in a tenant. */
export class TenantMemberDto {
  @ApiProperty({ example: 'leipzig' }) tenantId!: string;
  @ApiProperty({ description: 'The sub claim of the member\'s tokens.', example: 'f3b0c9e2-4d1a-4c57-9a0e-2b7d8c1e5a60' }) subject!: string;
  @ApiProperty({ type: [String], example: ['standesamt', 'buergeramt'] }) groups!: string[];
  @ApiProperty({ example: '2026-11-28T09:30:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-11-28T10:15:00.000Z' }) updatedAt!: string;
}
