import { Module } from '@nestjs/common';
import { LegalHoldController } from './legal-hold.controller';
import { RetentionScheduler } from './retention-scheduler';

/** GDPR retention (ADR 0005): the daily erasure job and the legal hold endpoint. */
@Module({ controllers: [LegalHoldController], providers: [RetentionScheduler], exports: [RetentionScheduler] })
export class RetentionModule {}
