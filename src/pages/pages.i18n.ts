import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { readFileSync } from 'node:fs';
import { languageOf, type Language } from '../common/language.js';
import { AppConfig } from '../config/app-config.js';

export type { Language } from '../common/language.js';

export type Dictionary = Record<string, string>;

function load(language: Language): Dictionary {
  const file = new URL(`./i18n/${language}.json`, import.meta.url);
  return JSON.parse(readFileSync(file, 'utf8')) as Dictionary;
}

/** Fills `{name}` placeholders; unknown names stay visible so a missing variable is noticed. */
export function interpolate(text: string, vars: Record<string, unknown> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/** Page strings in Dutch and English; the language comes from Accept-Language, then DEFAULT_LANGUAGE. */
@Injectable()
export class PageI18n {
  private readonly dictionaries: Record<Language, Dictionary> = { en: load('en'), nl: load('nl') };

  constructor(private readonly config: AppConfig) {}

  languageOf(request: Request): Language {
    return languageOf(request, this.config.DEFAULT_LANGUAGE);
  }

  dictionary(language: Language): Dictionary {
    return this.dictionaries[language];
  }

  t(language: Language, key: string, vars?: Record<string, unknown>): string {
    return interpolate(this.dictionaries[language][key] ?? key, vars);
  }
}
