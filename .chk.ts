import { readFileSync } from 'node:fs';
import { checkCard } from './src/cards/check';
import { expandCard } from './src/cards/render';
const name = process.argv[2];
const raw = JSON.parse(readFileSync(`/work/main/test/fixtures/cards/${name}.json`, 'utf8'));
for (const data of Array.isArray(raw) ? raw : [raw]) {
    const card = expandCard({ template: name, data });
    console.log(checkCard(card));
    if (process.argv[3]) console.log(JSON.stringify(card, null, 1).slice(0, 6000));
}
