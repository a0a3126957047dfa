// Types for the NLP.js pieces the Q&A core uses (the packages ship none): the Swedish and English Snowball stemmers.
declare module '@nlpjs/lang-sv' {
    /** Snowball stemmer for Swedish. */
    export class StemmerSv {
        stem(word: string): string;
    }
}
declare module '@nlpjs/lang-en-min' {
    /** Snowball (Porter 2) stemmer for English. */
    export class StemmerEn {
        stem(word: string): string;
    }
}
