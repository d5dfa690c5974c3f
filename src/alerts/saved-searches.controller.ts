import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { UserPrincipal } from '../auth/principal.js';
import { PageQueryDto } from '../contracts/pagination.js';
import { CreateSavedSearchDto, SavedSearchDto, SavedSearchPageDto } from './saved-search.dto.js';
import { SavedSearchesService } from './saved-searches.service.js';
import { ResourceIdPipe } from '../common/resource-id.pipe.js';

/** Candidates' saved searches (the alerts job mails their new matches). */
@ApiTags('alerts')
@Controller('api/alerts/saved-searches')
@Roles('CANDIDATE')
export class SavedSearchesController {
  constructor(private readonly searches: SavedSearchesService) {}

  @Get()
  @ApiOperation({ summary: "List the candidate's saved searches" })
  @ApiOkResponse({ type: SavedSearchPageDto })
  list(
    @CurrentPrincipal() principal: UserPrincipal,
    @Query() query: PageQueryDto,
  ): Promise<SavedSearchPageDto> {
    return this.searches.list(principal.user.id, query);
  }

  @Post()
  @ApiOperation({ summary: 'Save a search (its new matches are e-mailed)' })
  @ApiCreatedResponse({ type: SavedSearchDto })
  create(
    @CurrentPrincipal() principal: UserPrincipal,
    @Body() body: CreateSavedSearchDto,
  ): Promise<SavedSearchDto> {
    return this.searches.create(principal, body);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a saved search' })
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('id', ResourceIdPipe) id: string,
  ): Promise<void> {
    return this.searches.remove(principal, id);
  }
}
