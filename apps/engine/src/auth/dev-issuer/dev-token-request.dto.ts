import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString } from 'class-validator';
import { DEMO_USERNAMES } from './demo-users';

/** Sign in as a demo user (development issuer). */
export class DevTokenRequestDto {
  @ApiProperty({ description: 'A demo user (GET /dev-auth/users).', enum: DEMO_USERNAMES, example: 'carla.sachbearbeitung' })
  @IsString()
  @IsIn(DEMO_USERNAMES, { message: `username must be a demo user: ${DEMO_USERNAMES.join(', ')}` })
  username!: string;
}

/** A signed access token (the shape of an OAuth 2.0 token response). */
export class DevTokenResponseDto {
  @ApiProperty({ example: 'eyJhbGciOiJSUzI1NiIsImtpZCI6Ii4uLiJ9.eyJzdWIiOiJjYXJsYS5zYWNoYmVhcmJlaXR1bmcifQ.c2lnbmF0dXJl' }) access_token!: string;
  @ApiProperty({ example: 'Bearer' }) token_type!: 'Bearer';
  @ApiProperty({ description: 'Seconds until the token expires.', example: 28_800 }) expires_in!: number;
}

/** A demo user as the web app's user picker shows it. */
export class DemoUserDto {
  @ApiProperty({ example: 'carla.sachbearbeitung' }) username!: string;
  @ApiProperty({ example: 'Carla Krause' }) displayName!: string;
  @ApiProperty({ example: 'caseworker' }) role!: string;
  @ApiProperty({ example: 'Sachbearbeitung im Standes-, Bürger- und Ordnungsamt' }) description!: string;
  @ApiProperty({ description: 'Tenants and groups the user belongs to at start.', example: [{ tenantId: 'musterstadt', groups: ['standesamt', 'buergeramt'] }] })
  tenants!: { tenantId: string; groups: readonly string[] }[];
}
