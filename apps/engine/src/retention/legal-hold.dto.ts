import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class LegalHoldDto {
  @ApiProperty({ description: 'true: keep the case data past its retention until the hold is lifted; false: lift the hold.', example: true })
  @IsBoolean()
  hold!: boolean;
}

export class LegalHoldStateDto {
  @ApiProperty({ example: '2251799813685249' }) processInstanceKey!: string;
  @ApiProperty({ example: true }) legalHold!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When the personal data of the instance tree was erased; null while it is kept.', example: null })
  erasedAt!: string | null;
}
