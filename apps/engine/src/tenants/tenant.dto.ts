import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** The German Länder as ISO 3166-2 subdivisions without `DE-`. */
export const GERMAN_LANDS = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'] as const;

/** A new tenant (municipality). */
export class CreateTenantDto {
  @ApiProperty({ description: 'Stable id used in every URL: 2–63 lowercase letters, digits or hyphens.', pattern: '^[a-z0-9][a-z0-9-]{1,62}$', example: 'leipzig' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'id must be 2–63 lowercase letters, digits or hyphens, starting with a letter or digit, e.g. leipzig' })
  id!: string;

  @ApiProperty({ description: 'Name of the municipality.', maxLength: 200, example: 'Stadt Leipzig' })
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ description: 'Amtlicher Gemeindeschlüssel (AGS), 8 digits.', pattern: '^\\d{8}$', example: '14713000' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{8}$/, { message: 'officialKey must be the 8-digit Amtlicher Gemeindeschlüssel (AGS), e.g. 14713000' })
  officialKey?: string;

  @ApiProperty({ description: "The municipality's Land (ISO 3166-2 without DE-): its public holidays count for working-day timers.", enum: GERMAN_LANDS, example: 'SN' })
  @IsIn(GERMAN_LANDS, { message: `land must be one of ${GERMAN_LANDS.join(', ')}` })
  land!: (typeof GERMAN_LANDS)[number];
}

/** A tenant (municipality). */
export class TenantDto {
  @ApiProperty({ example: 'leipzig' }) id!: string;
  @ApiProperty({ example: 'Stadt Leipzig' }) name!: string;
  @ApiProperty({ type: String, nullable: true, example: '14713000' }) officialKey!: string | null;
  @ApiProperty({ example: 'SN' }) land!: string;
  @ApiProperty({ example: '2026-11-28T09:30:00.000Z' }) createdAt!: string;
}
