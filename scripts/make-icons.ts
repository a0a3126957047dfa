// Draws the Teams app icons (appPackage/color.png 192×192, appPackage/outline.png 32×32) with pngjs.
// Run: npx tsx scripts/make-icons.ts — the output is deterministic and committed.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

/** A shape: true when the point (continuous pixel coordinates) lies inside it. */
type Shape = (x: number, y: number) => boolean;
type Rgb = readonly [number, number, number];
interface Layer {
    shape: Shape;
    rgb: Rgb;
}

const WHITE: Rgb = [255, 255, 255];
/** Calm teal; keep in sync with `accentColor` in appPackage/manifest.json (#1B7F79). */
const TEAL: Rgb = [0x1b, 0x7f, 0x79];
/** Samples per axis per pixel: 4×4 supersampling gives smooth rounded corners. */
const SAMPLES = 4;

/** Axis-aligned rectangle [x0,x1)×[y0,y1) with corner radius r. */
function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
    return (x, y) => {
        if (x < x0 || x >= x1 || y < y0 || y >= y1) return false;
        const cx = Math.min(Math.max(x, x0 + r), x1 - r);
        const cy = Math.min(Math.max(y, y0 + r), y1 - r);
        return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
    };
}

function union(...shapes: Shape[]): Shape {
    return (x, y) => shapes.some((s) => s(x, y));
}

/** A rising bar chart on a baseline, in a box of `size` pixels scaled from a 32-unit design grid. */
function barChart(size: number, offset: number): Shape {
    const u = size / 32;
    const at = (v: number) => offset + v * u;
    const bar = (x: number, top: number) => roundedRect(at(x), at(top), at(x + 6), at(25), 1.2 * u);
    return union(bar(4, 17), bar(13, 11), bar(22, 5), roundedRect(at(2), at(26.5), at(30), at(29), 1.2 * u));
}

/** Composites the layers in order ("over"), antialiased; fully transparent pixels are stored as white. */
function render(size: number, layers: Layer[]): PNG {
    const png = new PNG({ width: size, height: size, colorType: 6 });
    for (let y = 0; y < size; y++) {
        for (let x = 0; x < size; x++) {
            let [r, g, b, a] = [0, 0, 0, 0]; // premultiplied
            for (const { shape, rgb } of layers) {
                let hits = 0;
                for (let sy = 0; sy < SAMPLES; sy++)
                    for (let sx = 0; sx < SAMPLES; sx++)
                        if (shape(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES)) hits++;
                const c = hits / (SAMPLES * SAMPLES);
                [r, g, b, a] = [
                    rgb[0] * c + r * (1 - c),
                    rgb[1] * c + g * (1 - c),
                    rgb[2] * c + b * (1 - c),
                    c + a * (1 - c),
                ];
            }
            const i = (y * size + x) * 4;
            png.data[i] = a === 0 ? 255 : Math.round(r / a);
            png.data[i + 1] = a === 0 ? 255 : Math.round(g / a);
            png.data[i + 2] = a === 0 ? 255 : Math.round(b / a);
            png.data[i + 3] = Math.round(a * 255);
        }
    }
    return png;
}

/** Full-colour icon: teal rounded square, white chart inside the 96×96 safe area Teams keeps uncropped. */
export function makeColorIcon(): PNG {
    return render(192, [
        { shape: roundedRect(0, 0, 192, 192, 36), rgb: TEAL },
        { shape: barChart(96, 48), rgb: WHITE },
    ]);
}

/** Outline icon: the same chart, white on transparent (Teams recolours it to the theme). */
export function makeOutlineIcon(): PNG {
    return render(32, [{ shape: barChart(32, 0), rgb: WHITE }]);
}

if (require.main === module) {
    const dir = path.resolve(__dirname, '..', 'appPackage');
    for (const [name, png] of [
        ['color.png', makeColorIcon()],
        ['outline.png', makeOutlineIcon()],
    ] as const) {
        const file = path.join(dir, name);
        writeFileSync(file, PNG.sync.write(png, { colorType: 6 }));
        console.log(`wrote ${path.relative(process.cwd(), file)} (${png.width}×${png.height})`);
    }
}
