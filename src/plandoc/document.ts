// What a plan document is and what reading one gives or refuses: the light part the bot process needs (reading
// itself, with pdf.js and mammoth, happens in the child of ./isolated.ts).
export type PlanFormat = 'pdf' | 'docx';

/** Why a document was refused; the bot words each one in the chef's language. */
export type PlanRefusal = 'unreadable' | 'no-text' | 'no-structure' | 'too-many-pages' | 'too-big' | 'ocr-failed';

export class PlanDocumentError extends Error {
    constructor(readonly reason: PlanRefusal) {
        super(`plan document refused: ${reason}`);
    }
}

/** A plan document read: its plan-text markdown and what the preview card shows. */
export type PlanDocument = {
    markdown: string;
    pages: number;
    ocr: boolean;
    title: string;
    sections: number;
    firstHeadings: string[];
    passages: number;
};

const ZIP = Buffer.from('PK\x03\x04', 'latin1');

/** What a file is, from its bytes: a PDF, a Word document, or neither. */
export function planFormat(buf: Buffer): PlanFormat | undefined {
    if (buf.subarray(0, 1024).includes('%PDF-')) return 'pdf';
    if (buf.subarray(0, 4).equals(ZIP) && buf.includes('word/document.xml')) return 'docx';
    return undefined;
}
