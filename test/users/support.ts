import request from 'supertest';
import type { ReceivedMail } from '../features/smtp-sink.js';
import { logEvents } from '../maintenance/support.js';
import type { TestApp } from '../support/test-app.js';

export const USERS = '/api/admin/users';

/** The activation link in an invitation mail, as the invitee would click it. */
export function activationLinkIn(mail: ReceivedMail): URL {
  const match = /https?:\/\/\S+\/activate\?token=\S+/.exec(mail.text);
  if (!match) throw new Error(`no activation link in: ${mail.text}`);
  return new URL(match[0]);
}

/** Activates an account with the token of a link; returns the response. */
export function activate(t: TestApp, link: URL, password = 'a-long-new-password'): request.Test {
  return request(t.url)
    .post('/api/auth/activate')
    .send({ token: link.searchParams.get('token'), password });
}

/** Waits until the sink has received `count` messages (delivery is asynchronous on the sink's side). */
export async function untilMails(messages: ReceivedMail[], count: number): Promise<void> {
  const deadline = Date.now() + 5000;
  while (messages.length < count) {
    if (Date.now() > deadline) throw new Error(`${messages.length} mails, expected ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The user-change log lines (one JSON line each). */
export function userLogLines(t: TestApp, event: string): Array<Record<string, unknown>> {
  return logEvents(t, event);
}
