import { Module } from '@nestjs/common';
import { MessagesController } from './messages.controller';
import { SubscriptionsRepository } from './subscriptions.repository';

/** Messages and signals under /api/v1/tenants/:tenantId. */
@Module({ controllers: [MessagesController], providers: [SubscriptionsRepository] })
export class MessagesModule {}
