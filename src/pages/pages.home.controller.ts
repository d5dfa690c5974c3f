import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { MaintenancePageRoute } from '../maintenance/index.js';
import { PageViews } from './pages.views.js';

/** The start page with the module navigation (signed-in users). */
@ApiExcludeController()
@MaintenancePageRoute()
@Controller()
export class HomePageController {
  constructor(private readonly views: PageViews) {}

  @Get()
  home(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<string> {
    return this.views.page(request, response, 'home', { title: 'home.title', nav: 'home' });
  }
}
