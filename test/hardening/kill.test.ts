import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startConnectorStandIn } from '../../src/cli/connector-stand-in';
import { ROOT } from '../../src/paths';
import { reportRecord } from '../../src/bot/reports/submit';
import { tempDir } from '../helpers/temp-dir';

// The compiled server, as `npm start` runs it (npm test builds dist/ first).
const ENTRY = join(ROOT, 'dist', 'src', 'index.js');
const tomas = { id: '29:tomas', name: 'Tomas Ås', email: 'tomas.as@example.invalid' };

type Card = { body: any[]; actions?: { data: Record<string, unknown> }[] };
const inputs = (items: any[]): any[] =>
    items.flatMap((i) => (i.type?.startsWith('Input.') ? [i] : inputs(i.items ?? i.columns ?? [])));

describe('kill -9 during a burst of report submits', () => {
    let tmp: ReturnType<typeof tempDir>;
    beforeEach(() => (tmp = tempDir()));
    afterEach(() => tmp.cleanup());

    it('When the bot is killed mid-burst, then every report acknowledged to the user is in the database', async function () {
        this.timeout(30_000);
        assert.ok(existsSync(ENTRY), 'dist/src/index.js exists (npm test runs the build first)');
        const standIn = await startConnectorStandIn({
            member: (id) => (id === tomas.id ? { ...tomas, userPrincipalName: tomas.email } : undefined),
        });
        const child = spawn(process.execPath, ['--no-deprecation', ENTRY], {
            env: { ...process.env, PORT: '0', DATA_DIR: tmp.dir, FORBUND: 'fryksdalen', LOG_LEVEL: 'info' },
        });
        try {
            let out = '';
            const url = await new Promise<string>((resolve) =>
                child.stdout.on('data', (d) => {
                    out += d;
                    const m = /"url":"(http:\/\/[^"]+)"/.exec(out);
                    if (m) resolve(m[1]);
                }),
            );
            const base = {
                channelId: 'msteams',
                serviceUrl: standIn.serviceUrl,
                from: { id: tomas.id, name: tomas.name },
                recipient: { id: '28:bot', name: 'Finsam' },
                conversation: { id: 'a:tomas', conversationType: 'personal', tenantId: 't' },
                channelData: { tenant: { id: 't' } },
            };
            const post = (activity: object) =>
                fetch(`${url}/api/messages`, {
                    method: 'POST',
                    headers: { 'content-type': 'application/json' },
                    body: JSON.stringify({ id: randomUUID(), ...base, ...activity }),
                });

            await post({ type: 'message', text: 'rapportera Navet' });
            const form = (standIn.calls.at(-1)!.activity.attachments as { content: Card }[])[0].content;
            const fields = Object.fromEntries(
                inputs(form.body).map((i) => [
                    i.id,
                    /pagaende/.test(i.id) ? '5' : /kommentar|avvikelse/.test(i.id) ? '' : '0',
                ]),
            );
            // Months of every plan year up to last month: no movement, so any submit order is consistent.
            const months = ['2024', '2025', '2026']
                .flatMap((y) => Array.from({ length: 12 }, (_, m) => `${y}-${String(m + 1).padStart(2, '0')}`))
                .filter((m) => m < '2026-11');
            const acked: string[] = [];
            const burst = months.map(async (month) => {
                const data = {
                    ...form.actions![0].data,
                    ...fields,
                    month,
                    key: `${reportRecord('fryksdalen', 'navet', month)}|0|${randomBytes(9).toString('base64url')}`,
                };
                try {
                    const res = await post({
                        type: 'invoke',
                        name: 'adaptiveCard/action',
                        value: { action: { type: 'Action.Execute', verb: 'report.submit', data }, trigger: 'manual' },
                    });
                    const body = await res.text();
                    if (res.status === 200 && /Sparad av/.test(body)) acked.push(month);
                } catch {
                    // The connection died with the process: not acknowledged.
                }
                if (acked.length === 8) child.kill('SIGKILL');
            });
            await Promise.all(burst);
            assert.ok(acked.length >= 8, `acknowledged before the kill: ${acked.length}`);
            assert.ok(
                acked.length < months.length,
                `the kill came mid-burst (${acked.length} of ${months.length} acknowledged)`,
            );
            assert.equal(
                child.signalCode ?? (await new Promise((r) => child.once('exit', (_c, s) => r(s)))),
                'SIGKILL',
            );

            const db = new Database(join(tmp.dir, 'finsam.sqlite'), { readonly: true });
            const stored = new Set(db.prepare('SELECT month FROM report_versions').pluck().all() as string[]);
            db.close();
            for (const m of acked) assert.ok(stored.has(m), `acknowledged ${m} survived the kill`);
        } finally {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
            await standIn.close();
        }
    });
});
