import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

export class MappingInstructionDto {
  @ApiProperty({ example: 'review' }) @IsString() @MinLength(1) @MaxLength(255) sourceElementId!: string;
  @ApiProperty({ example: 'assess' }) @IsString() @MinLength(1) @MaxLength(255) targetElementId!: string;
}

/** Moves running instances to another process definition with an element mapping. */
export class MigrateProcessInstancesDto {
  @ApiProperty({ example: '2251799813685600' }) @Matches(/^[1-9][0-9]{0,18}$/, { message: 'targetProcessDefinitionKey must be a key' }) targetProcessDefinitionKey!: string;

  @ApiProperty({ type: [MappingInstructionDto], description: 'Every active element and every catching element with an open subscription or timer needs an entry.' })
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => MappingInstructionDto)
  mappingInstructions!: MappingInstructionDto[];

  @ApiProperty({ type: [String], example: ['2251799813685400'], description: 'Up to 1000 process instance keys.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @Matches(/^[1-9][0-9]{0,18}$/, { each: true, message: 'each processInstanceKeys entry must be a key' })
  processInstanceKeys!: string[];

  @ApiPropertyOptional({ description: 'Instances migrated at once (each in its own transaction).', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  batchSize?: number;
}

export class MigrationFailureDto {
  @ApiProperty({ example: '2251799813685400' }) processInstanceKey!: string;
  @ApiProperty({ example: 'No active process instance 2251799813685400.' }) reason!: string;
}

export class MigrationResultDto {
  @ApiProperty({ type: [String] }) migrated!: string[];
  @ApiProperty({ type: [MigrationFailureDto], description: 'Instances that changed between validation and migration (e.g. completed meanwhile).' }) failed!: MigrationFailureDto[];
}
