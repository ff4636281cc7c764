import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditChainerLifecycle } from './audit-chainer-lifecycle';
import { AuditRequestInterceptor } from './audit-request.interceptor';
import { AuditController } from './audit.controller';

/**
 * The hash-chained audit log (ADR 0005): the request interceptor (audit context for every
 * request, an entry per successful state-changing request), the chainer that appends an entry
 * per engine event, and the query and verify endpoints. The pool comes from the global RuntimeModule.
 */
@Module({
  controllers: [AuditController],
  providers: [AuditChainerLifecycle, { provide: APP_INTERCEPTOR, useClass: AuditRequestInterceptor }],
  exports: [AuditChainerLifecycle],
})
export class AuditModule {}
