// The form's submit: owner check, validation (errors re-show the form, nothing stored), then one new version.
import type { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import { authorize } from '../../domain/access';
import { validateReport } from '../../domain/report-schema';
import { plausibilityWarnings, warningsKey } from '../../domain/report-plausibility';
import { addMonths, TEXT_MAX, yearOfMonth } from '../../domain/reports';
import { actionKeySchema } from '../cards/action-key';
import { registerAction } from '../cards/execute';
import type { BotDeps } from '../deps';
import { refusalText } from '../refusal';
import { messageCard, say } from '../reply';
import { confirmation } from './confirm';
import { formCard } from './form';
import { unflatten, type FormValues } from './form-values';

const META = ['key', 'forbundId', 'insatsId', 'month', 'lang', 'confirm'];
const submitSchema = z
    .object({
        key: z.string().max(300),
        forbundId: z.string().max(40),
        insatsId: z.string().max(40),
        month: z.string().regex(/^\d{4}-\d{2}$/),
        // An invoke has no text to guess the language from, so the form carries the language it was shown in.
        lang: z.enum(['sv', 'en']).optional(),
        /** Set by "Spara ändå": the fingerprint of the plausibility warnings the sender saw. */
        confirm: z.string().max(500).optional(),
    })
    .catchall(z.union([z.string().max(TEXT_MAX + 200), z.number(), z.null()]));

const REPORT_RECORD = /^report:([a-z0-9-]+):([a-z0-9-]+):(\d{4}-\d{2})$/;

/** The action-key record of a month's report. */
export const reportRecord = (forbundId: string, insatsId: string, month: string) =>
    `report:${forbundId}:${insatsId}:${month}`;

/** Registers the `report.submit` card action. */
export function registerReportSubmit(app: Application<TurnState>, deps: BotDeps): void {
    registerAction(app, deps, {
        verb: 'report.submit',
        schema: submitSchema,
        version: (record) => {
            const m = REPORT_RECORD.exec(record);
            return m && deps.forbund.get(m[1]) ? deps.reports.versionCount(m[1], m[2], m[3]) : undefined;
        },
        // Stored only from a 1:1 chat or a conversation of the insats's förbund, never from another förbund's chat.
        forbundOf: (record) => REPORT_RECORD.exec(record)?.[1],
        prepare: async (ctx, info, data) => {
            const lang = data.lang ?? info.lang;
            const refuse = (text: string) => ({
                refused: messageCard(say(lang, 'Inte sparad', 'Not stored'), text),
            });
            const f = deps.forbund.get(data.forbundId);
            const insats = f?.insatser.find((i) => i.id === data.insatsId);
            const key = actionKeySchema.safeParse(data.key);
            if (!f || !insats || !key.success || key.data.record !== reportRecord(f.id, insats.id, data.month))
                return refuse(
                    say(
                        lang,
                        'Kortet kunde inte läsas. Inget har sparats.',
                        'The card could not be read. Nothing was stored.',
                    ),
                );
            const actor = await deps.identity.resolve(ctx, info.user, f.id);
            const access = authorize(actor, f.id, { kind: 'report.submit', insatsId: insats.id });
            if (!access.ok) {
                deps.log.info('report refused', { forbund: f.id, insats: insats.id, reason: access.reason });
                return refuse(refusalText(lang, access));
            }
            const values: FormValues = Object.fromEntries(
                Object.entries(data)
                    .filter(([k]) => !META.includes(k))
                    .map(([k, v]) => [k, v ?? undefined]),
            );
            const previous = deps.reports.latest(f.id, insats.id, addMonths(data.month, -1));
            const next = deps.reports.latest(f.id, insats.id, addMonths(data.month, 1));
            const result = validateReport(
                { ...unflatten(values), month: data.month },
                { forbund: f, insats, now: deps.now(), previous: previous?.report, next: next?.report },
            );
            if (!result.ok) {
                deps.log.info('report rejected', {
                    forbund: f.id,
                    insats: insats.id,
                    fields: result.errors.map((e) => e.field),
                });
                return {
                    refused: formCard({
                        f,
                        insats,
                        month: data.month,
                        lang,
                        key: data.key,
                        values,
                        errors: result.errors,
                    }),
                };
            }
            const warnings = plausibilityWarnings(
                f,
                insats,
                result.report,
                [
                    ...deps.reports.latestForYear(f.id, yearOfMonth(data.month) - 1, insats.id),
                    ...deps.reports.latestForYear(f.id, yearOfMonth(data.month), insats.id),
                ].map((v) => v.report),
            );
            const confirmed = warnings.length > 0 && data.confirm === warningsKey(warnings);
            if (warnings.length > 0 && !confirmed) {
                deps.log.info('report held for confirmation', {
                    forbund: f.id,
                    insats: insats.id,
                    fields: warnings.map((w) => w.field),
                });
                return {
                    refused: formCard({
                        f,
                        insats,
                        month: data.month,
                        lang,
                        key: data.key,
                        values,
                        errors: [],
                        warnings,
                    }),
                };
            }
            return () => {
                const before = deps.reports.latest(f.id, insats.id, data.month);
                const stored = deps.reports.insert({
                    forbundId: f.id,
                    insatsId: insats.id,
                    report: result.report,
                    submittedBy: access.person.slug,
                    at: deps.now(),
                });
                deps.log.info('report stored', {
                    forbund: f.id,
                    insats: insats.id,
                    month: stored.month,
                    version: stored.version,
                    deviation: Boolean(stored.report.avvikelse),
                    confirmedImplausible: confirmed,
                });
                return confirmation(deps, f, insats, lang, access.person, stored, before);
            };
        },
    });
}
