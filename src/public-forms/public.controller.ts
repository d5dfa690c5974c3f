import { Body, Controller, Get, Param, Post, Query, Req, UseGuards } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { Public, SkipCsrf } from '../auth/auth.decorators.js';
import { PageQueryDto } from '../contracts/pagination.js';
import { AllowDuringMaintenance } from '../maintenance/index.js';
import {
  CreateJobApplicationDto,
  FormSubmissionDto,
  PublicFormPageDto,
  ReceiptDto,
  VacancyPageDto,
} from './public.dto.js';
import { PublicFormsService } from './public-forms.service.js';
import { PublicSubmissionThrottle } from './public-submission.throttle.js';
import { VacanciesService } from './vacancies.service.js';

/** No login, no CSRF (no session is acted on), and open during downtime (R13). */
@ApiTags('public')
@Controller('api/public')
@Public()
@SkipCsrf()
@AllowDuringMaintenance()
export class PublicController {
  constructor(
    private readonly vacancies: VacanciesService,
    private readonly publicForms: PublicFormsService,
  ) {}

  @Get('vacancies')
  @ApiOkResponse({ type: VacancyPageDto })
  listVacancies(@Query() query: PageQueryDto): Promise<VacancyPageDto> {
    return this.vacancies.listOpen(query);
  }

  @Post('job-applications')
  @UseGuards(PublicSubmissionThrottle)
  @ApiCreatedResponse({ type: ReceiptDto })
  @ApiTooManyRequestsResponse()
  apply(@Body() body: CreateJobApplicationDto, @Req() request: Request): Promise<ReceiptDto> {
    return this.publicForms.apply(body, request.ip ?? 'unknown');
  }

  @Get('forms')
  @ApiOkResponse({ type: PublicFormPageDto })
  listForms(@Query() query: PageQueryDto): Promise<PublicFormPageDto> {
    return this.publicForms.listForms(query);
  }

  @Post('forms/:formId/submissions')
  @UseGuards(PublicSubmissionThrottle)
  @ApiCreatedResponse({ type: ReceiptDto })
  @ApiTooManyRequestsResponse()
  submit(
    @Param('formId') formId: string,
    @Body() body: FormSubmissionDto,
    @Req() request: Request,
  ): Promise<ReceiptDto> {
    return this.publicForms.submit(formId, body.fields, request.ip ?? 'unknown');
  }
}
