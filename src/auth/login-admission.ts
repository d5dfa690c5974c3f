import { Injectable } from '@nestjs/common';
import type { PublicUser } from '../users/user.entity.js';

/**
 * Decides whether a user whose credentials are valid may get a session now.
 * Throwing refuses the login (the maintenance lockout does so for regular users, R12).
 */
export abstract class LoginAdmission {
  abstract admit(user: PublicUser): void;
}

@Injectable()
export class AdmitEveryone extends LoginAdmission {
  admit(): void {}
}
