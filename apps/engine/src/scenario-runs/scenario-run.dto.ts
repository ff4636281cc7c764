import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class RunScenarioDto {
  @ApiProperty({ description: 'The tenant whose route is tested; the caller must be a member. The run itself happens in a throwaway sandbox tenant.', example: '14511000' })
  @IsString()
  @MinLength(1)
  @MaxLength(63)
  tenantId!: string;

  @ApiPropertyOptional({ description: 'A deployed route of the tenant: its latest version runs. Give this or bpmnXml.', example: 'geburtsurkunde' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z_][\w.-]{0,254}$/)
  processId?: string;

  @ApiPropertyOptional({ description: 'A draft route (BPMN 2.0 XML) that is not deployed. Give this or processId.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(5_000_000)
  bpmnXml?: string;

  @ApiPropertyOptional({
    description: "The scenario's file name when it is a file of a route (e.g. `01-geburtsurkunde-bezahlt.yaml`): defaults derived from it (a submission's `sub-<file>` and `case-<file>`) are then the same as in `npm run scenarios`. Default `scenario.yaml`.",
    example: '01-geburtsurkunde-bezahlt.yaml',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[\w][\w.-]{0,199}\.ya?ml$/, { message: 'scenarioFile must be a file name ending in .yaml (letters, digits, dots, dashes, underscores)' })
  scenarioFile?: string;

  @ApiProperty({ description: 'The scenario, YAML text in the format of docs/scenarios.md (applicationFile is not available here: give application inline).' })
  @IsString()
  @MinLength(1)
  @MaxLength(1_000_000)
  scenario!: string;
}

export class ScenarioFailureDto {
  @ApiProperty({ example: 'expect.path' }) where!: string;
  @ApiPropertyOptional({ example: 12 }) line?: number;
  @ApiProperty({ example: "path differs at element 4: expected 'fee', but the instance entered 'review' after 'decide'" }) message!: string;
  @ApiPropertyOptional({ description: 'Expected (-) and actual (+) path from the first diverging element on.' }) diff?: string;
}

export class CoverageFigureDto {
  @ApiProperty() covered!: number;
  @ApiProperty() total!: number;
  @ApiProperty({ description: 'Percent, rounded down to one decimal.' }) percent!: number;
  @ApiProperty({ type: [String], description: 'Ids never taken.' }) missing!: string[];
}

export class ScenarioCoverageDto {
  @ApiProperty({ type: CoverageFigureDto }) nodes!: CoverageFigureDto;
  @ApiProperty({ type: CoverageFigureDto }) flows!: CoverageFigureDto;
}

export class ScenarioRunResultDto {
  @ApiProperty() passed!: boolean;
  @ApiProperty({ type: [String], description: 'Element ids in the order they were entered.' }) path!: string[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Visits per element.' }) visits!: Record<string, number>;
  @ApiProperty({ type: [String], description: 'Sequence flows in the order they were taken.' }) flowsTaken!: string[];
  @ApiProperty({ type: ScenarioCoverageDto }) coverage!: ScenarioCoverageDto;
  @ApiProperty({ type: [ScenarioFailureDto] }) failures!: ScenarioFailureDto[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Completed jobs by type (documents, notifications).' }) produced!: Record<string, number>;
  @ApiProperty({ type: [String] }) notes!: string[];
}
