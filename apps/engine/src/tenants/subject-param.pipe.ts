import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { problemType } from '../problem/problem-details';

/** The `:subject` of a member route: the `sub` of a token, 1–255 characters, no control characters. */
@Injectable()
export class SubjectParamPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (/^\P{Cc}{1,255}$/u.test(value)) return value;
    throw new BadRequestException({
      type: problemType('bad-request'),
      title: 'Bad request',
      status: 400,
      detail: 'subject must be the sub claim of the member\'s tokens: 1–255 characters without control characters.',
    });
  }
}
