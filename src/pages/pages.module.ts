import { AnnouncementsModule } from '../announcements/announcements.module.js';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CompaniesModule } from '../companies/companies.module.js';
import { PageErrorRenderer } from '../common/problem.filter.js';
import { ContractsModule } from '../contracts/contracts.module.js';
import { DeclarationsModule } from '../declarations/declarations.module.js';
import { PublicFormsModule } from '../public-forms/public-forms.module.js';
import { User } from '../users/user.entity.js';
import { UsersModule } from '../users/users.module.js';
import { PageAssetsController } from './pages.assets.controller.js';
import { ContractsPageController } from './pages.contracts.controller.js';
import { DeclarationsPageController } from './pages.declarations.controller.js';
import { HtmlPageErrorRenderer } from './pages.error-renderer.js';
import { HomePageController } from './pages.home.controller.js';
import { PageI18n } from './pages.i18n.js';
import { PublicPagesController } from './pages.public.controller.js';
import { SettingsPageController } from './pages.settings.controller.js';
import { UsersPageController } from './pages.users.controller.js';
import { PageViews } from './pages.views.js';

/** The server-rendered pages (SPEC §5) in Dutch and English. */
@Module({
  imports: [
    TypeOrmModule.forFeature([User]),
    AnnouncementsModule,
    CompaniesModule,
    ContractsModule,
    DeclarationsModule,
    PublicFormsModule,
    UsersModule,
  ],
  controllers: [
    PageAssetsController,
    PublicPagesController,
    HomePageController,
    ContractsPageController,
    DeclarationsPageController,
    SettingsPageController,
    UsersPageController,
  ],
  providers: [PageI18n, PageViews, { provide: PageErrorRenderer, useClass: HtmlPageErrorRenderer }],
  exports: [PageErrorRenderer],
})
export class PagesModule {}
