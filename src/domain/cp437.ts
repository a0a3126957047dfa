// IBM code page 437 ("PC8" in SIE files): bytes 0x00–0x7F are ASCII, the upper half is this table.
const HIGH =
    'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

/** Decodes code page 437 bytes to text. */
export function decodeCp437(bytes: Uint8Array): string {
    let s = '';
    for (const b of bytes) s += b < 0x80 ? String.fromCharCode(b) : HIGH[b - 0x80];
    return s;
}

/** Encodes text as code page 437 (for writing test files); a character outside the table throws. */
export function encodeCp437(text: string): Uint8Array {
    return Uint8Array.from([...text], (ch) => {
        const code = ch.charCodeAt(0);
        if (code < 0x80) return code;
        const i = HIGH.indexOf(ch);
        if (i < 0) throw new Error(`not in code page 437: ${ch}`);
        return 0x80 + i;
    });
}
