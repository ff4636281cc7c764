import { Controller, Get, HttpCode, Inject, NotFoundException, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiSeeOtherResponse, ApiTags } from '@nestjs/swagger';
import { type Clock, type MessagePublisher, type PaymentLedger, payRequest } from '@laufweg/connectors';
import type { Response } from 'express';
import { Public } from '../auth';
import { type ProblemDetails, problemType } from '../problem/problem-details';
import { PAYMENT_DEPS } from './connectors.tokens';
import { payPage } from './pay-page';

const REQUEST_ID = { name: 'requestId', description: 'The request id from the payment.request result.', example: 'PAY-3f9a0c1d2e4b5a6978c0d1e2' } as const;

export interface PaymentDeps {
  readonly ledger: PaymentLedger;
  readonly publisher: MessagePublisher;
  readonly clock: Clock;
}

/**
 * The payment simulator's pay page, mounted in local mode only (the payPageUrl of
 * payment.request): shows amount and purpose; paying publishes `PaymentReceived` with the request
 * id as correlation key. Public like a real pay page: the request id is the only secret.
 */
@ApiTags('simulator')
@Public()
@Controller('simulator/payments')
export class PaymentSimulatorController {
  constructor(@Inject(PAYMENT_DEPS) private readonly deps: PaymentDeps) {}

  @Get(':requestId')
  @ApiOperation({ summary: 'Local mode: the simulated pay page of a payment request (HTML).' })
  @ApiParam(REQUEST_ID)
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The pay page.', content: { 'text/html': { schema: { type: 'string' } } } })
  async page(@Param('requestId') requestId: string, @Res({ passthrough: true }) response: Response): Promise<string> {
    const record = await this.deps.ledger.find(requestId);
    if (!record) throw paymentNotFound(requestId);
    response.type('html');
    return payPage(record);
  }

  @Post(':requestId')
  @HttpCode(303)
  @ApiOperation({ summary: 'Local mode: pays the request (the page’s button) and publishes PaymentReceived; answers with the page again.' })
  @ApiParam(REQUEST_ID)
  @ApiSeeOtherResponse({ description: 'Paid (or already settled); Location is the pay page.' })
  async pay(@Param('requestId') requestId: string, @Res({ passthrough: true }) response: Response): Promise<void> {
    if (!(await this.deps.ledger.find(requestId))) throw paymentNotFound(requestId);
    await payRequest(this.deps, requestId);
    response.location(`/simulator/payments/${encodeURIComponent(requestId)}`);
  }
}

function paymentNotFound(requestId: string): NotFoundException {
  return new NotFoundException({ type: problemType('payment-request-not-found'), title: 'Payment request not found', status: 404, detail: `Payment request ${requestId} does not exist.` } satisfies ProblemDetails);
}

