import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EngineRuntime } from '@laufweg/persistence';
import { assertTenant, type Caller, CurrentCaller, Roles } from '../../auth';
import { commandRejected } from '../shared/api-problems';
import { TENANT_PATH, TenantRoute } from '../shared/api-params';
import { BroadcastSignalDto, CorrelateMessageDto, MessageResultDto, SignalResultDto } from './message.dto';
import { SubscriptionsRepository } from './subscriptions.repository';

/**
 * Events from outside: messages (the portal's intake and the team: a payment arrived, documents
 * were handed in) and signals (the team: one event for every instance waiting for it).
 */
@ApiTags('messages')
@TenantRoute()
@Controller(TENANT_PATH)
export class MessagesController {
  constructor(
    private readonly runtime: EngineRuntime,
    private readonly subscriptions: SubscriptionsRepository,
  ) {}

  @Post('messages')
  @HttpCode(200)
  @Roles('intake', 'team')
  @ApiOperation({ summary: 'Publish a message: correlated to the instances waiting for its name and correlation key and to message start events, else buffered for its time to live. Roles: intake, team.' })
  @ApiOkResponse({ type: MessageResultDto })
  async correlate(@CurrentCaller() caller: Caller, @Param('tenantId') tenantId: string, @Body() body: CorrelateMessageDto): Promise<MessageResultDto> {
    assertTenant(caller, tenantId);
    const waiting = await this.subscriptions.waitingForMessage(tenantId, body.name, body.correlationKey ?? '');
    const result = await this.runtime.correlateMessage(tenantId, body);
    if ('duplicate' in result) return { outcome: 'duplicate', correlations: [], startedProcessInstances: [] };
    if (result.rejected) throw commandRejected(result.reason);
    const correlated = new Set(result.events.flatMap((event) => (event.type === 'MessageSubscriptionCorrelated' ? [event.key] : [])));
    const correlations = waiting.filter((subscription) => correlated.has(subscription.key)).map(({ key: _key, ...correlation }) => correlation);
    const buffered = result.events.some((event) => event.type === 'MessagePublished' && event.buffered);
    const reached = correlations.length > 0 || result.createdRoots.length > 0;
    return { outcome: reached ? 'correlated' : buffered ? 'buffered' : 'dropped', correlations, startedProcessInstances: [...result.createdRoots] };
  }

  @Post('signals')
  @HttpCode(200)
  @Roles('team')
  @ApiOperation({ summary: 'Broadcast a signal in the tenant: every waiting signal catch event and every signal start event. Role: team.' })
  @ApiOkResponse({ type: SignalResultDto })
  async broadcast(@CurrentCaller() caller: Caller, @Param('tenantId') tenantId: string, @Body() body: BroadcastSignalDto): Promise<SignalResultDto> {
    assertTenant(caller, tenantId);
    const waiting = await this.subscriptions.waitingForSignal(tenantId, body.name);
    const result = await this.runtime.broadcastSignal(tenantId, body.name, body.variables ?? {});
    if (result.rejected) throw commandRejected(result.reason);
    return { triggered: waiting.map(({ key: _key, ...correlation }) => correlation), startedProcessInstances: [...result.createdRoots] };
  }
}
