import { Injectable, type PipeTransform } from '@nestjs/common';
import { isKey } from '@laufweg/persistence';
import { recordNotFound, type RecordKind } from './api-problems';

/**
 * Validates a key path parameter: keys are positive decimal bigints. Anything else cannot name a
 * record, so it answers the same 404 as an unknown key.
 */
@Injectable()
export class KeyPipe implements PipeTransform<string, string> {
  constructor(private readonly kind: RecordKind) {}

  transform(value: string): string {
    if (!isKey(value)) throw recordNotFound(this.kind, value);
    return value;
  }
}

/** `@Param('key', keyOf('user-task'))` */
export function keyOf(kind: RecordKind): KeyPipe {
  return new KeyPipe(kind);
}
