import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';

/** A query flag `true` / `false`; anything else fails validation. */
export function BooleanQuery(): PropertyDecorator {
  return applyDecorators(
    Transform(({ obj, key }) => {
      const raw = (obj as Record<string, unknown>)[key];
      return raw === 'true' ? true : raw === 'false' ? false : raw;
    }),
    IsBoolean(),
  );
}

/** A repeatable query parameter, always an array. */
export function ArrayQuery(): PropertyDecorator {
  return Transform(({ obj, key }) => {
    const raw = (obj as Record<string, unknown>)[key];
    return raw === undefined ? undefined : Array.isArray(raw) ? raw : [raw];
  });
}
