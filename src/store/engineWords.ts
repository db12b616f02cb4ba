// The engine client's words (src/worker/client.ts writes them in English, and the worker may not
// read the content) as messages: what happened to a worker, why a request failed. Text it does
// not know (an error the engine itself reports) is kept as it is.
import type { Locale } from '../content/i18n';
import { translate } from './messages';

/** The client's reason or error text, in `locale`. */
export function engineReason(locale: Locale, reason: string): string {
  const say = (key: Parameters<typeof translate>[1], vars?: Record<string, string>) =>
    translate(locale, key, vars);
  if (reason === 'stopped answering') return say('notices.engine.reasons.stoppedAnswering');
  if (reason === 'no worker') return say('notices.engine.reasons.noWorker');
  if (reason === 'The engine sent an unreadable message')
    return say('notices.engine.reasons.unreadable');
  let m = /^stopped after an error \((.*)\)$/s.exec(reason);
  if (m) return say('notices.engine.reasons.stoppedAfterError', { detail: m[1]! });
  m = /^the engine (.+) and was restarted too often$/s.exec(reason);
  if (m)
    return say('notices.engine.reasons.restartedTooOften', {
      reason: engineReason(locale, m[1]!),
    });
  m = /^the engine (.+) and was restarted$/s.exec(reason);
  if (m) return say('notices.engine.reasons.restarted', { reason: engineReason(locale, m[1]!) });
  m = /^could not create the worker \((.*)\)$/s.exec(reason);
  if (m) return say('notices.engine.reasons.cannotCreate', { detail: m[1]! });
  m = /^no reply to “(.+?)” after (\d+) ms$/s.exec(reason);
  if (m) return say('notices.engine.reasons.noReply', { request: m[1]!, ms: m[2]! });
  m = /^could not send “(.+?)” \((.*)\)$/s.exec(reason);
  if (m) return say('notices.engine.reasons.cannotSend', { request: m[1]!, detail: m[2]! });
  return reason;
}
