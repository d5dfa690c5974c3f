import type { Language } from '../common/language.js';
import type { OutgoingMail } from '../mail/mailer.js';

export interface Invitation {
  to: string;
  displayName: string;
  link: string;
  expiresAt: Date;
}

/** The invitation e-mail, in the platform's default language (the invitee has no preference yet). */
export function composeInvitationMail(invitation: Invitation, language: Language): OutgoingMail {
  const expires = invitation.expiresAt.toISOString();
  const text =
    language === 'nl'
      ? `Hallo ${invitation.displayName},\n\nU bent uitgenodigd voor het staffing platform. Kies een wachtwoord via deze link:\n\n${invitation.link}\n\nDe link is geldig tot ${expires} (UTC) en werkt één keer.\n`
      : `Hello ${invitation.displayName},\n\nYou have been invited to the staffing platform. Choose a password with this link:\n\n${invitation.link}\n\nThe link works once and until ${expires} (UTC).\n`;
  const subject =
    language === 'nl'
      ? 'Uitnodiging voor het staffing platform'
      : 'Your invitation to the staffing platform';
  return { to: invitation.to, subject, text };
}
