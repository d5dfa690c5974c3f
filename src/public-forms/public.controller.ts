import { Body, Controller, Get, Param, Post, Query, UseGuards } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Public, SkipCsrf } from '../auth/auth.decorators.js';
import { ClientAddress } from '../common/client-address.js';
import { ResourceIdPipe } from '../common/resource-id.pipe.js';
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
  @ApiOperation({ summary: 'List the open vacancies' })
  @ApiOkResponse({ type: VacancyPageDto })
  listVacancies(@Query() query: PageQueryDto): Promise<VacancyPageDto> {
    return this.vacancies.listOpen(query);
  }

  @Post('job-applications')
  @ApiOperation({ summary: 'Apply for a vacancy' })
  @UseGuards(PublicSubmissionThrottle)
  @ApiCreatedResponse({ type: ReceiptDto })
  @ApiTooManyRequestsResponse()
  apply(
    @Body() body: CreateJobApplicationDto,
    @ClientAddress() address: string,
  ): Promise<ReceiptDto> {
    return this.publicForms.apply(body, address);
  }

  @Get('forms')
  @ApiOperation({ summary: 'List the public forms' })
  @ApiOkResponse({ type: PublicFormPageDto })
  listForms(@Query() query: PageQueryDto): Promise<PublicFormPageDto> {
    return this.publicForms.listForms(query);
  }

  @Post('forms/:formId/submissions')
  @ApiOperation({ summary: 'Submit a public form' })
  @UseGuards(PublicSubmissionThrottle)
  @ApiCreatedResponse({ type: ReceiptDto })
  @ApiTooManyRequestsResponse()
  submit(
    @Param('formId', ResourceIdPipe) formId: string,
    @Body() body: FormSubmissionDto,
    @ClientAddress() address: string,
  ): Promise<ReceiptDto> {
    return this.publicForms.submit(formId, body.fields, address);
  }
}
