// Browser side of the card check: parses and renders one card with the official adaptivecards renderer (loaded
// into the page as window.AdaptiveCards) and reports everything the renderer complained about or silently ignored.
/* global AdaptiveCards, window, document */
'use strict';

(function () {
    const AC = AdaptiveCards;

    // Allowed without being renderer properties: `$schema` and `msteams` (Teams' own extensions) on the card root,
    // `fallback` on any element or action (the renderer reads it while parsing, outside the element's schema).
    const ROOT_EXTRAS = ['$schema', 'msteams', 'fallback'];
    const ELEMENT_EXTRAS = ['fallback'];
    // Collections the classes parse by hand (not in their schema); toJSON() leaves them out when they are empty, so an
    // empty one is accepted by name. A non-empty one must be written back by toJSON() like any other property.
    const HAND_PARSED_COLLECTIONS = ['body', 'items', 'actions', 'columns', 'rows', 'cells', 'inlines'];

    /** A short human name for an element or action in problem messages. */
    function label(obj, source) {
        const type = typeof source.type === 'string' ? source.type : obj.getJsonTypeName ? obj.getJsonTypeName() : '';
        const id = source.id ? `#${source.id}` : '';
        const text = source.text || source.title || source.label || '';
        const hint = typeof text === 'string' && text ? ` "${text.slice(0, 40)}"` : '';
        return `${type || 'object'}${id}${hint}`;
    }

    /**
     * The JSON keys the renderer understands on a parsed object. The JS renderer drops unknown keys without a word,
     * so we ask it what it knows: the names in the object's schema (every declared property, including the ones left
     * at their default value, which toJSON() omits), plus the keys toJSON() writes back (collections such as
     * items/body/columns/rows/cells/actions/inlines are parsed by hand in each class and are not in the schema).
     */
    function knownKeys(obj, extras, ctx) {
        const keys = new Set(extras);
        const schema = obj.getSchema();
        for (let i = 0; i < schema.getCount(); i++) keys.add(schema.getItemAt(i).name);
        const json = obj.toJSON(ctx) || {};
        Object.keys(json).forEach((k) => keys.add(k));
        return keys;
    }

    function isPlainSerializable(v) {
        return v instanceof AC.SerializableObject && !(v instanceof AC.CardObject);
    }

    /** Compares an object's source keys with what the renderer knows, then follows its typeless sub-objects. */
    function checkKeys(obj, source, where, extras, ctx, problems) {
        const known = knownKeys(obj, extras, ctx);
        for (const key of Object.keys(source)) {
            const emptyCollection = Array.isArray(source[key]) && source[key].length === 0;
            if (emptyCollection && HAND_PARSED_COLLECTIONS.includes(key)) continue;
            if (!known.has(key)) problems.push(`unknown property "${key}" on ${where}`);
        }
        // Facts, choices, table column definitions, refresh, backgroundImage… are not card objects, so they never
        // reach onParseElement/onParseAction: pair them with their JSON through the schema instead.
        const schema = obj.getSchema();
        for (let i = 0; i < schema.getCount(); i++) {
            const prop = schema.getItemAt(i);
            const value = obj.getValue(prop);
            const src = source[prop.name];
            if (isPlainSerializable(value) && src && typeof src === 'object') {
                checkKeys(value, src, `${where}.${prop.name}`, [], ctx, problems);
            } else if (Array.isArray(value) && Array.isArray(src) && value.length === src.length) {
                value.forEach((v, n) => {
                    if (isPlainSerializable(v) && src[n] && typeof src[n] === 'object') {
                        checkKeys(v, src[n], `${where}.${prop.name}[${n}]`, [], ctx, problems);
                    }
                });
            }
        }
    }

    /** The JSON the renderer actually parsed: the source itself, or the fallback it fell back to. */
    function parsedSource(obj, source) {
        const type = obj.getJsonTypeName();
        let s = source;
        while (s && typeof s === 'object' && s.type && s.type !== type) s = s.fallback;
        return s && typeof s === 'object' ? s : source;
    }

    function escapeHtml(s) {
        return s.replace(
            /[&<>"']/g,
            (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
        );
    }

    function inline(s) {
        return escapeHtml(s)
            .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
            .replace(/(^|[^\w*])[*_](?!\s)(.+?)[*_](?=$|[^\w*])/g, '$1<em>$2</em>')
            .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>');
    }

    /**
     * The markdown subset Teams documents for TextBlock (bold, italic, links, bulleted and numbered lists, line
     * breaks). Preview only: the renderer shows raw `**` and `[…](…)` without a markdown processor.
     */
    function teamsMarkdown(text, result) {
        const html = text
            .split(/\n{2,}/)
            .map((para) => {
                const lines = para.split('\n');
                if (lines.every((l) => /^\s*[-*] /.test(l))) {
                    return `<ul>${lines.map((l) => `<li>${inline(l.replace(/^\s*[-*] /, ''))}</li>`).join('')}</ul>`;
                }
                if (lines.every((l) => /^\s*\d+\. /.test(l))) {
                    const start = parseInt(lines[0], 10);
                    const items = lines.map((l) => `<li>${inline(l.replace(/^\s*\d+\. /, ''))}</li>`).join('');
                    return `<ol start="${start}">${items}</ol>`;
                }
                return `<p>${lines.map(inline).join('<br>')}</p>`;
            })
            .join('');
        result.outputHtml = html;
        result.didProcess = true;
    }
    AC.AdaptiveCard.onProcessMarkdown = teamsMarkdown;

    /**
     * Parses, validates and renders `card` into #card with `hostConfig` and the page theme.
     * Returns { problems, charts: [{ type, shown }] } — problems empty when the renderer had nothing to say.
     */
    function renderCard(card, hostConfig, theme) {
        document.body.dataset.theme = theme;
        const host = document.getElementById('card');
        host.replaceChildren();
        const problems = [];
        const charts = [];
        const ctx = new AC.SerializationContext(AC.Versions.v1_5);
        const jsonCtx = new AC.SerializationContext(AC.Versions.v1_5);
        ctx.onParseElement = (element, source) => {
            const src = parsedSource(element, source);
            if (typeof source.type === 'string' && source.type.startsWith('Chart.') && src !== source) {
                charts.push({ type: source.type, element });
            }
            checkKeys(element, src, label(element, src), ELEMENT_EXTRAS, jsonCtx, problems);
        };
        ctx.onParseAction = (action, source) => {
            const src = parsedSource(action, source);
            checkKeys(action, src, label(action, src), ELEMENT_EXTRAS, jsonCtx, problems);
            if (action.card && src.card && typeof src.card === 'object') {
                checkKeys(action.card, src.card, `${label(action, src)}.card`, [], jsonCtx, problems);
            }
        };

        const adaptive = new AC.AdaptiveCard();
        adaptive.hostConfig = new AC.HostConfig(hostConfig);
        try {
            adaptive.parse(card, ctx);
        } catch (e) {
            return { problems: [`parse threw: ${e && e.message}`], charts: [] };
        }
        checkKeys(adaptive, card, 'AdaptiveCard', ROOT_EXTRAS, jsonCtx, problems);

        for (let i = 0; i < ctx.eventCount; i++) {
            const message = ctx.getEventAt(i).message;
            // A Chart.* is unknown to this renderer by design; its shape and its fallback are checked separately.
            if (/^Unknown element type "Chart\./.test(message)) continue;
            problems.push(`parse: ${message}`);
        }
        for (const e of adaptive.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);

        let rendered;
        try {
            rendered = adaptive.render();
        } catch (e) {
            problems.push(`render threw: ${e && e.message}`);
        }
        if (!rendered) problems.push('the renderer produced no output');
        else host.appendChild(rendered);

        const shown = charts.map((c) => {
            const el = c.element.renderedElement;
            return { type: c.type, shown: !!el && el.isConnected && el.getBoundingClientRect().height > 0 };
        });
        return { problems, charts: shown };
    }

    window.renderCard = renderCard;
})();
