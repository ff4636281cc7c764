import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { PagingQueryDto } from '../shared/paging.dto';
import { BooleanQuery } from '../shared/query-transforms';

const BPMN_EXAMPLE = '<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="https://laufweg.example">…</bpmn:definitions>';

/** A form or DMN file deployed with the BPMN in a JSON deployment. */
export class DeploymentResourceDto {
  @ApiProperty({
    description: 'File name; `.form` (form-js JSON), `.dmn` (DMN XML) or `.values.json` (the municipality\'s values). Relative folders are kept (`forms/check-documents.form`), as a deployment read back lists them.',
    example: 'check-documents.form',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ description: 'The file content, verbatim.', example: '{"id":"check-documents","type":"default","components":[]}' })
  @IsString()
  @MaxLength(2_000_000)
  content!: string;
}

/** A deployment as JSON: one BPMN document (plus its forms and decisions). Larger ones go as multipart. */
export class DeployJsonDto {
  @ApiProperty({ description: 'File name of the BPMN document.', example: 'register-birth.bpmn' })
  @IsString()
  @Matches(/\.bpmn$/i, { message: 'resourceName must end with .bpmn' })
  @MaxLength(200)
  resourceName!: string;

  @ApiProperty({ description: 'The BPMN 2.0 XML.', example: BPMN_EXAMPLE })
  @IsString()
  @MinLength(1)
  content!: string;

  @ApiPropertyOptional({ type: [DeploymentResourceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DeploymentResourceDto)
  resources?: DeploymentResourceDto[];
}

export class DeployedProcessDto {
  @ApiProperty({ example: 'register-birth' }) processId!: string;
  @ApiProperty({ example: '2251799813685300' }) processDefinitionKey!: string;
  @ApiProperty({ example: 3 }) version!: number;
}

export class DeploymentResourceSummaryDto {
  @ApiProperty({ example: 'check-documents.form' }) name!: string;
  @ApiProperty({ enum: ['form', 'dmn', 'values'], example: 'form' }) kind!: 'form' | 'dmn' | 'values';
  @ApiProperty({ nullable: true, type: String, description: 'Form id or DMN definitions id.', example: 'check-documents' }) resourceId!: string | null;
}

/** A resource of a stored deployment, without its content. */
export class DeploymentResourceInfoDto extends DeploymentResourceSummaryDto {
  @ApiProperty({ description: 'SHA-256 of the content.', example: '2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae' }) checksum!: string;
  @ApiProperty({ enum: ['application/json', 'application/xml'], description: 'The media type the content is served with.', example: 'application/json' }) mediaType!: string;
  @ApiProperty({ description: 'Size of the content in bytes (UTF-8).', example: 1834 }) size!: number;
}

export class DeploymentResourceListDto {
  @ApiProperty({ example: '2251799813685200' }) deploymentKey!: string;
  @ApiProperty({ description: 'File name of the deployment\'s BPMN document (its XML: GET …/process-definitions/{key}/xml).', example: 'urkunden.bpmn' }) resourceName!: string;
  @ApiProperty({ type: [DeploymentResourceInfoDto], description: 'Forms, decisions and values, by name.' }) items!: DeploymentResourceInfoDto[];
}

/** Names the resource to read; a query parameter because names contain `/` (`forms/check.form`). */
export class DeploymentResourceQueryDto {
  @ApiProperty({ description: 'The resource name as listed, folders included; percent-encoded like any query value.', example: 'tenants/plauen.values.json' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;
}

export class ModelProblemDto {
  @ApiProperty({ example: 'gateway-outgoing-flows' }) rule!: string;
  @ApiPropertyOptional({ example: 'decide' }) elementId?: string;
  @ApiProperty({ example: 'An exclusive gateway needs at least one outgoing sequence flow.' }) message!: string;
}

export class DeploymentResultDto {
  @ApiProperty({ example: '2251799813685200' }) deploymentKey!: string;
  @ApiProperty({ description: 'True when the same BPMN and resources were the latest deployment already: nothing was stored.', example: false }) duplicate!: boolean;
  @ApiProperty({ type: [DeployedProcessDto] }) processes!: DeployedProcessDto[];
  @ApiProperty({ type: [DeploymentResourceSummaryDto] }) resources!: DeploymentResourceSummaryDto[];
  @ApiProperty({ type: [ModelProblemDto], description: 'Warnings of the model check; the deployment went through.' }) warnings!: ModelProblemDto[];
}

export class DeploymentDto {
  @ApiProperty({ example: '2251799813685200' }) deploymentKey!: string;
  @ApiProperty({ example: 'register-birth.bpmn' }) resourceName!: string;
  @ApiProperty({ description: 'SHA-256 of the BPMN document.', example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' }) checksum!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-28T09:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, example: 'dana.designer' }) createdBy!: string | null;
  @ApiProperty({ type: [DeployedProcessDto] }) processes!: DeployedProcessDto[];
  @ApiProperty({ type: [DeploymentResourceSummaryDto] }) resources!: DeploymentResourceSummaryDto[];
}

export class DeploymentPageDto {
  @ApiProperty({ type: [DeploymentDto] }) items!: DeploymentDto[];
  @ApiProperty({ example: 1 }) total!: number;
  @ApiProperty({ example: 50 }) limit!: number;
  @ApiProperty({ example: 0 }) offset!: number;
}

export class ProcessDefinitionDto {
  @ApiProperty({ example: '2251799813685300' }) processDefinitionKey!: string;
  @ApiProperty({ example: 'register-birth' }) processId!: string;
  @ApiProperty({ example: 3 }) version!: number;
  @ApiProperty({ nullable: true, type: String, example: 'Geburt beurkunden' }) name!: string | null;
  @ApiProperty({ example: '2251799813685200' }) deploymentKey!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-28T09:00:00.000Z' }) createdAt!: string;
}

export class ProcessDefinitionPageDto {
  @ApiProperty({ type: [ProcessDefinitionDto] }) items!: ProcessDefinitionDto[];
  @ApiProperty({ example: 1 }) total!: number;
  @ApiProperty({ example: 50 }) limit!: number;
  @ApiProperty({ example: 0 }) offset!: number;
}

export class ProcessDefinitionQueryDto extends PagingQueryDto {
  @ApiPropertyOptional({ description: 'Only this process id.', example: 'register-birth' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  processId?: string;

  @ApiPropertyOptional({ description: 'Every version instead of the latest per process id.', default: false })
  @IsOptional()
  @BooleanQuery()
  allVersions?: boolean;
}
