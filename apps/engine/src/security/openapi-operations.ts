import type { INestApplication, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY } from '../auth/auth.decorators';
import type { Role } from '../auth/caller';

/** The parts of an OpenAPI 3.0 document the adversarial suite reads. */
export interface SchemaObject {
  readonly $ref?: string;
  readonly type?: string;
  readonly properties?: Record<string, SchemaObject>;
  readonly required?: readonly string[];
  readonly items?: SchemaObject;
  readonly example?: unknown;
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly nullable?: boolean;
}

export interface OperationObject {
  readonly operationId: string;
  readonly parameters?: readonly { name: string; in: string; required?: boolean; example?: unknown; schema?: SchemaObject }[];
  readonly requestBody?: { content: Record<string, { schema: SchemaObject }> };
  readonly responses: Record<string, unknown>;
  readonly security?: readonly Record<string, unknown>[];
}

export interface OpenApiDocument {
  readonly openapi: string;
  readonly paths: Record<string, Record<string, OperationObject>>;
  readonly components: { schemas?: Record<string, SchemaObject>; securitySchemes?: Record<string, unknown> };
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

/** One operation of the document: method, path template and the operation object. */
export interface Operation {
  readonly method: (typeof HTTP_METHODS)[number];
  readonly path: string;
  readonly operation: OperationObject;
  readonly id: string;
}

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => ({ method, path, operation: item[method], id: item[method].operationId })),
  );
}

/** Resolves a local `#/components/...` reference (JSON pointer) in the document. */
export function resolvePointer(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = document;
  for (const raw of ref.slice(2).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(part in node)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/**
 * A syntactically valid value for a schema: each property's example where the document gives
 * one, otherwise a value of its type; `overrides` (by property name) put real keys of the
 * attacked tenant into the body, so that a request that got through would change rows.
 */
export function sampleOf(document: OpenApiDocument, schema: SchemaObject, overrides: Readonly<Record<string, unknown>> = {}, depth = 0): unknown {
  if (schema.$ref) return sampleOf(document, resolvePointer(document, schema.$ref) as SchemaObject, overrides, depth);
  if (schema.example !== undefined && schema.type !== 'object') return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type) {
    case 'object': {
      if (!schema.properties) return schema.example ?? {};
      const value: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(schema.properties)) {
        value[name] = name in overrides ? overrides[name] : depth < 4 ? sampleOf(document, property, overrides, depth + 1) : undefined;
      }
      return value;
    }
    case 'array':
      return schema.items && depth < 4 ? [sampleOf(document, schema.items, overrides, depth + 1)] : [];
    case 'number':
    case 'integer':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      return 'x';
    default:
      return schema.properties ? sampleOf(document, { ...schema, type: 'object' }, overrides, depth) : {};
  }
}

/** What the guard reads for a route: `@Public()` and `@Roles(...)` (handler over controller). */
export interface RouteAccess {
  readonly public: boolean;
  readonly roles: readonly Role[];
  readonly method: string;
}

const REQUEST_METHODS = ['get', 'post', 'put', 'delete', 'patch', 'all', 'options', 'head', 'search'] as const;

/**
 * The access rules of every controller handler, keyed like @nestjs/swagger's default operationId
 * (`Controller_method`), read from the same metadata the authentication guard evaluates.
 */
export function routeAccessByOperationId(app: INestApplication): Map<string, RouteAccess> {
  const reflector = new Reflector();
  const access = new Map<string, RouteAccess>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const targets = [handler, controller];
        access.set(`${controller.name}_${name}`, {
          public: reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets) === true,
          roles: reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [],
          method: REQUEST_METHODS[Reflect.getMetadata(METHOD_METADATA, handler) as number] ?? 'unknown',
        });
      }
    }
  }
  return access;
}

/** The routes Express dispatches, as `METHOD /path/:param`. */
export function expressRoutes(app: INestApplication): string[] {
  type Layer = { route?: { path: string; methods: Record<string, boolean> } };
  const instance = app.getHttpAdapter().getInstance() as { router?: { stack: Layer[] }; _router?: { stack: Layer[] } };
  const stack = (instance.router ?? instance._router)?.stack ?? [];
  return stack.flatMap((layer) => (layer.route ? Object.keys(layer.route.methods).map((method) => `${method.toUpperCase()} ${layer.route?.path ?? ''}`) : []));
}
