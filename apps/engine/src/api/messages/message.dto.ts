import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import type { JsonObject } from '@laufweg/bpmn-model';

export class CorrelateMessageDto {
  @ApiProperty({ example: 'fee-paid' }) @IsString() @MinLength(1) @MaxLength(255) name!: string;
  @ApiPropertyOptional({ description: 'Matches the subscriptions whose correlation key evaluated to this value.', example: 'BG-2026-0042' }) @IsOptional() @IsString() @MaxLength(255) correlationKey?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { paidAmount: 120 } }) @IsOptional() @IsObject() variables?: JsonObject;
  @ApiPropertyOptional({ description: 'Keep the message this long when nothing waits for it yet (0: drop it).', minimum: 0, maximum: 31_536_000_000, example: 86_400_000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(31_536_000_000)
  timeToLiveMs?: number;
  @ApiPropertyOptional({ description: 'Makes publishing idempotent while the message is buffered.', example: 'payment-7f3a' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(255) messageId?: string;
}

export class CorrelationDto {
  @ApiProperty({ example: '2251799813685400' }) processInstanceKey!: string;
  @ApiProperty({ example: 'awaitFee' }) elementId!: string;
  @ApiProperty({ example: '2251799813685450' }) elementInstanceKey!: string;
}

export class MessageResultDto {
  @ApiProperty({ enum: ['correlated', 'buffered', 'dropped', 'duplicate'], description: 'correlated: reached waiting instances or started new ones; buffered: kept for its time to live; dropped: nothing waited and no time to live; duplicate: the message id is buffered already.' })
  outcome!: 'correlated' | 'buffered' | 'dropped' | 'duplicate';
  @ApiProperty({ type: [CorrelationDto] }) correlations!: CorrelationDto[];
  @ApiProperty({ type: [String], description: 'Instances message start events started.' }) startedProcessInstances!: string[];
}

export class BroadcastSignalDto {
  @ApiProperty({ example: 'storm-warning' }) @IsString() @MinLength(1) @MaxLength(255) name!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { district: 'Nord' } }) @IsOptional() @IsObject() variables?: JsonObject;
}

export class SignalResultDto {
  @ApiProperty({ type: [CorrelationDto], description: 'Waiting catch events the signal reached.' }) triggered!: CorrelationDto[];
  @ApiProperty({ type: [String], description: 'Instances signal start events started.' }) startedProcessInstances!: string[];
}
