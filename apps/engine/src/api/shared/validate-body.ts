import { ValidationPipe } from '@nestjs/common';

const pipe = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true });

/**
 * Validates a body against a DTO class exactly as the global ValidationPipe does (400 with every
 * message). For routes that accept more than one content type and so take the body untyped.
 */
export async function validateBody<T extends object>(type: new () => T, body: unknown): Promise<T> {
  return (await pipe.transform(body ?? {}, { type: 'body', metatype: type })) as T;
}
