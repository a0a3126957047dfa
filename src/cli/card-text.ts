// Prints an Adaptive Card as readable terminal text: title, facts, table rows, inputs and numbered buttons.
type El = Record<string, unknown> & { type?: string };
export type CardButton = {
    n: number;
    title: string;
    verb?: string;
    data: Record<string, unknown>;
    inputs: CardInput[];
};
export type CardInput = { id: string; label: string; value?: string; choices?: { title: string; value: string }[] };

const str = (v: unknown): string =>
    typeof v === 'string'
        ? v
        : typeof v === 'number' || typeof v === 'boolean'
          ? String(v)
          : v === undefined || v === null
            ? ''
            : (JSON.stringify(v) ?? '');
const arr = (v: unknown) => (Array.isArray(v) ? (v as El[]) : []);

/** Renders a card to lines and collects its buttons (numbered from `firstButton`) with the inputs they submit. */
export function cardToText(card: El, firstButton = 1): { lines: string[]; buttons: CardButton[] } {
    const lines: string[] = [];
    const inputs: CardInput[] = [];
    const buttons: CardButton[] = [];
    const addActions = (actions: El[]) => {
        for (const a of actions) {
            if (a.type !== 'Action.Execute' && a.type !== 'Action.Submit') {
                if (a.type === 'Action.OpenUrl') lines.push(`  ↗ ${str(a.title)}: ${str(a.url)}`);
                continue;
            }
            const n = firstButton + buttons.length;
            buttons.push({
                n,
                title: str(a.title),
                verb: str(a.verb) || undefined,
                data: (a.data as Record<string, unknown>) ?? {},
                inputs,
            });
            lines.push(`  [${n}] ${str(a.title)}`);
        }
    };
    const walk = (els: El[], indent: string) => {
        for (const el of els) {
            switch (el.type) {
                case 'TextBlock': {
                    const text = str(el.text);
                    if (text)
                        lines.push(
                            indent + (el.weight === 'Bolder' || el.style === 'heading' ? `== ${text} ==` : text),
                        );
                    break;
                }
                case 'RichTextBlock':
                    lines.push(
                        indent +
                            arr(el.inlines)
                                .map((i) => str(i.text))
                                .join(''),
                    );
                    break;
                case 'FactSet':
                    for (const f of arr(el.facts)) lines.push(`${indent}  ${str(f.title)}: ${str(f.value)}`);
                    break;
                case 'Table':
                    for (const row of arr(el.rows)) {
                        const cells = arr(row.cells).map((c) => collect(arr(c.items)).join(' / '));
                        lines.push(`${indent}  ${cells.join(' | ')}`);
                    }
                    break;
                case 'ColumnSet':
                    for (const col of arr(el.columns)) walk(arr(col.items), indent);
                    break;
                case 'Container':
                    walk(arr(el.items), indent);
                    break;
                case 'ActionSet':
                    addActions(arr(el.actions));
                    break;
                default:
                    if (el.type?.startsWith('Input.')) {
                        const choices = arr(el.choices).map((c) => ({ title: str(c.title), value: str(c.value) }));
                        const input = {
                            id: str(el.id),
                            label: str(el.label) || str(el.placeholder) || str(el.id),
                            value: el.value === undefined ? undefined : str(el.value),
                            choices: choices.length ? choices : undefined,
                        };
                        inputs.push(input);
                        const shown = choices.length ? ` (${choices.map((c) => c.title).join(' / ')})` : '';
                        lines.push(`${indent}  ✎ ${input.label}${shown}${input.value ? `: ${input.value}` : ''}`);
                        if (el.errorMessage && el.isRequired === undefined)
                            lines.push(`${indent}    ! ${str(el.errorMessage)}`);
                    } else if (el.type?.startsWith('Chart.')) {
                        lines.push(`${indent}  (${el.type}: ${str(el.title)})`);
                        if (el.fallback && typeof el.fallback === 'object') walk([el.fallback as El], indent);
                    }
            }
        }
    };
    const collect = (els: El[]) => {
        const sub = cardToText({ type: 'AdaptiveCard', body: els }, 0);
        return sub.lines.map((l) => l.trim());
    };
    walk(arr(card.body), '');
    addActions(arr(card.actions));
    return { lines, buttons };
}
