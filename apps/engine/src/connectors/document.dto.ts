import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A rendered document (without its bytes: GET .../documents/{documentId}). */
export class DocumentDto {
  @ApiProperty({ format: 'uuid', example: '6f1c2a7e-3b1d-4c55-9a43-2f7f0b6a1d10' }) id!: string;
  @ApiPropertyOptional({ example: '2251799813685249', nullable: true }) processInstanceKey!: string | null;
  @ApiProperty({ example: 'fee-notice' }) template!: string;
  @ApiProperty({ example: 'Gebührenbescheid STA-2026-0042.pdf' }) name!: string;
  @ApiProperty({ example: 'application/pdf' }) mediaType!: string;
  @ApiProperty({ example: 'b5bb9d8014a0f9b1d61e21e796d78dccdf1352f23cd32812f4850b878ae4944c' }) sha256!: string;
  @ApiProperty({ description: 'Bytes.', example: 18342 }) size!: number;
  @ApiProperty({ format: 'date-time', example: '2026-11-28T09:05:00.000Z' }) createdAt!: string;
}

export class DocumentListDto {
  @ApiProperty({ type: [DocumentDto] }) items!: DocumentDto[];
}
