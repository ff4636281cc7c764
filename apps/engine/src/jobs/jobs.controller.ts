import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConflictResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AuditWhen } from '../audit/audit-when.decorator';
import { ApiAuth } from '../auth/api-auth.decorators';
import { CurrentCaller, Roles } from '../auth/auth.decorators';
import type { Caller } from '../auth/caller';
import { problemType } from '../problem/problem-details';
import { ActivateJobsDto, ActivateJobsResponseDto } from './activate-jobs.dto';
import { CompleteJobDto } from './complete-job.dto';
import { ExtendJobLockDto } from './extend-job-lock.dto';
import { FailJobDto } from './fail-job.dto';
import { JobsService } from './jobs.service';
import { ThrowJobErrorDto } from './throw-job-error.dto';

const KEY_PARAM = { name: 'key', description: 'The job key from the activation.', example: '2251799813685312' } as const;
const NOT_ACTIVE = {
  description: 'The job is unknown or no longer active (problem+json, type urn:laufweg:problem:job-not-active).',
  schema: { example: { type: problemType('job-not-active'), title: 'Job not active', status: 409, detail: 'Job 2251799813685312 is unknown or no longer active: it was completed, its error was thrown, or its process instance ended.' } },
} as const;
const BAD_REQUEST = { description: 'The body is invalid (problem+json).' } as const;

/**
 * The external worker API: workers outside the engine (connectors, scripts) activate jobs of a
 * type, do the work and report the outcome by job key. Callers need the role `worker` (machine
 * clients) or `admin`, and see only jobs of the tenants they are members of: a job of another
 * tenant is answered as if it did not exist.
 */
@ApiTags('jobs')
@ApiAuth()
@Roles('worker', 'admin')
@Controller('api/v1/jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Post('activate')
  // Polls that hand out nothing change nothing; an activation that hands out jobs (and their data) is recorded.
  @AuditWhen((result) => (result as ActivateJobsResponseDto).jobs.length > 0)
  @HttpCode(200)
  @ApiOperation({ summary: 'Activate jobs of a type: locks up to maxJobs due jobs for this worker; long polls up to requestTimeoutMs when none is due.' })
  @ApiOkResponse({ type: ActivateJobsResponseDto })
  @ApiBadRequestResponse(BAD_REQUEST)
  async activate(@CurrentCaller() caller: Caller, @Body() body: ActivateJobsDto, @Req() request: Request): Promise<ActivateJobsResponseDto> {
    const gone = new AbortController();
    // A client that hangs up ends its long poll (no jobs are locked for nobody).
    const onClose = (): void => gone.abort();
    request.socket.once('close', onClose);
    try {
      return { jobs: await this.jobs.activate(caller, body, gone.signal) };
    } finally {
      request.socket.off('close', onClose);
    }
  }

  @Post(':key/complete')
  @HttpCode(204)
  @ApiOperation({ summary: 'Complete a job with variables; the instance moves on.' })
  @ApiParam(KEY_PARAM)
  @ApiBody({ type: CompleteJobDto, required: false })
  @ApiNoContentResponse({ description: 'Completed.' })
  @ApiConflictResponse(NOT_ACTIVE)
  @ApiBadRequestResponse(BAD_REQUEST)
  async complete(@CurrentCaller() caller: Caller, @Param('key') key: string, @Body() body: CompleteJobDto): Promise<void> {
    await this.jobs.complete(caller, key, body.variables ?? {});
  }

  @Post(':key/fail')
  @HttpCode(204)
  @ApiOperation({ summary: 'Report a failed attempt: the job is handed out again after retryBackoffMs while retries are left; with 0 retries an incident is raised.' })
  @ApiParam(KEY_PARAM)
  @ApiNoContentResponse({ description: 'Failure recorded.' })
  @ApiConflictResponse(NOT_ACTIVE)
  @ApiBadRequestResponse(BAD_REQUEST)
  async fail(@CurrentCaller() caller: Caller, @Param('key') key: string, @Body() body: FailJobDto): Promise<void> {
    await this.jobs.fail(caller, key, body);
  }

  @Post(':key/error')
  @HttpCode(204)
  @ApiOperation({ summary: 'Throw a BPMN error at the job\'s element; uncaught, it raises an incident.' })
  @ApiParam(KEY_PARAM)
  @ApiNoContentResponse({ description: 'Error thrown.' })
  @ApiConflictResponse(NOT_ACTIVE)
  @ApiBadRequestResponse(BAD_REQUEST)
  async throwError(@CurrentCaller() caller: Caller, @Param('key') key: string, @Body() body: ThrowJobErrorDto): Promise<void> {
    await this.jobs.throwError(caller, key, body);
  }

  @Post(':key/extend-lock')
  @HttpCode(204)
  @ApiOperation({ summary: 'Extend the lock of a job this worker holds.' })
  @ApiParam(KEY_PARAM)
  @ApiNoContentResponse({ description: 'The lock now runs lockDurationMs from now.' })
  @ApiConflictResponse({
    description: 'The job is not active (job-not-active) or the worker lost its lock (problem+json, type urn:laufweg:problem:job-lock-lost).',
    schema: { example: { type: problemType('job-lock-lost'), title: 'Job lock lost', status: 409, detail: "Worker 'civil-register-connector-1' no longer holds the lock of job 2251799813685312: it expired, or the job was failed or handed to another worker. Stop working on it." } },
  })
  @ApiBadRequestResponse(BAD_REQUEST)
  async extendLock(@CurrentCaller() caller: Caller, @Param('key') key: string, @Body() body: ExtendJobLockDto): Promise<void> {
    await this.jobs.extendLock(caller, key, body.worker, body.lockDurationMs);
  }
}
