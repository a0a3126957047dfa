// Folder boundaries, checked by `depcruise src` in `npm run lint`. Capabilities under src/bot stay apart: what two of
// them share lives in src/bot/*.ts, src/bot/cards/ or the meeting kernel src/bot/meeting/ (a meeting's state, words,
// keys and the agenda's decision fields, used by agenda and decisions), and what one needs of another's cards is passed
// in by the application as a port (meeting/views.ts AgendaViews; the reminders' EmptyReportForm). No violation is
// baselined: a new one is fixed, not skipped.
const CAPABILITIES = '(admin|agenda|decisions|files|help|qa|reminders|reports|uppdrag)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
    forbidden: [
        {
            name: 'no-circular',
            severity: 'error',
            comment: 'No import cycles, type-only imports included (import-x/no-cycle skips those).',
            from: {},
            to: { circular: true },
        },
        {
            name: 'domain-only-domain',
            severity: 'error',
            comment: 'src/domain is pure TypeScript: it builds on nothing else in src.',
            from: { path: '^src/domain/' },
            to: { path: '^src/', pathNot: '^src/domain/' },
        },
        {
            name: 'domain-no-io',
            severity: 'error',
            comment: 'src/domain does no I/O: no Node built-ins, no bot, HTTP or database packages.',
            from: { path: '^src/domain/' },
            to: {
                dependencyTypes: ['core'],
            },
        },
        {
            name: 'domain-no-infrastructure',
            severity: 'error',
            comment: 'src/domain does no I/O: no bot, HTTP, database, file or scheduling packages.',
            from: { path: '^src/domain/' },
            to: {
                path: 'node_modules/(botbuilder|botframework-[^/]+|@microsoft/[^/]+|restify|better-sqlite3|sonic-boom|pdfkit|jszip|croner|rimraf|undici|adaptivecards[^/]*)/',
            },
        },
        {
            name: 'storage-not-up',
            severity: 'error',
            comment: 'Storage sits below the bot, the HTTP surface, the scheduler and the composition root.',
            from: { path: '^src/storage/' },
            to: { path: '^src/(bot/|http/|scheduler/|cli/|app\\.ts)' },
        },
        {
            name: 'capabilities-apart',
            severity: 'error',
            comment:
                'A capability folder under src/bot uses src/bot/*.ts and src/bot/cards/, never another capability.',
            from: { path: `^src/bot/${CAPABILITIES}/` },
            to: { path: `^src/bot/${CAPABILITIES}/`, pathNot: '^src/bot/$1/' },
        },
        {
            name: 'meeting-kernel-below-capabilities',
            severity: 'error',
            comment:
                'The meeting kernel is shared by agenda and decisions, so it uses neither of them (nor any other).',
            from: { path: '^src/bot/meeting/' },
            to: { path: `^src/bot/${CAPABILITIES}/` },
        },
        {
            name: 'src-not-test',
            severity: 'error',
            comment: 'Production code never imports tests or their helpers.',
            from: { path: '^src/' },
            to: { path: '^test/' },
        },
    ],
    options: {
        doNotFollow: { path: 'node_modules' },
        tsPreCompilationDeps: true,
        tsConfig: { fileName: 'tsconfig.json' },
        combinedDependencies: false,
        reporterOptions: { text: { highlightFocused: true } },
    },
};
