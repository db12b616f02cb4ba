// Why something failed, in the learner's language. The engine reports a problem a learner can act
// on as a code and values (engine/problem.ts), translated here under `problems.*`; the engine
// client writes its own reasons in English (src/worker/client.ts), mapped here to messages. An
// error that is neither (a fault in the app itself) is kept as it is.
import type { Locale } from '../content/i18n';
import { isProblemInfo, Problem, problemOf, type ProblemInfo } from '../engine/problem';
import type { WorkerError } from '../worker/protocol';
import { EngineError } from '../worker/client';
import { translate, type MessageKey } from './messages';
import { selectLocale } from './selectors';
import { appStore } from './store';

/** A problem's words in `locale`: its code's message, with the problems it names written first. */
export function problemWords(locale: Locale, problem: ProblemInfo): string {
  const vars: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(problem.vars))
    vars[name] = typeof v === 'object' ? problemWords(locale, v) : v;
  return translate(locale, `problems.${problem.code}` as MessageKey, vars);
}

/** Why `error` happened, in `locale`. */
export function reasonIn(locale: Locale, error: unknown): string {
  const problem =
    error instanceof Problem
      ? problemOf(error)
      : error instanceof EngineError
        ? error.problem
        : null;
  if (problem !== null) return problemWords(locale, problem);
  return engineReason(locale, error instanceof Error ? error.message : String(error));
}

/** Why the worker reports a failure no request is waiting for, in `locale`. */
export function replyReason(locale: Locale, reply: WorkerError): string {
  return isProblemInfo(reply.problem)
    ? problemWords(locale, reply.problem)
    : engineReason(locale, reply.message);
}

/** Why `error` happened, in the language in effect. */
export function reasonOf(error: unknown): string {
  return reasonIn(selectLocale(appStore.getState()), error);
}

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
