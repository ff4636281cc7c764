import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

/** limit/offset paging of list endpoints. */
export class PagingQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50, example: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 100_000, default: 0, example: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100_000)
  offset?: number;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  sortOrder?: 'asc' | 'desc';
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Matches in all pages. */
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

export function pageOf(query: PagingQueryDto): { limit: number; offset: number; order: 'ASC' | 'DESC' } {
  return { limit: query.limit ?? 50, offset: query.offset ?? 0, order: query.sortOrder === 'asc' ? 'ASC' : 'DESC' };
}
