// Types for the one NLP.js piece the Q&A core uses (the package ships none): the Swedish Snowball stemmer.
declare module '@nlpjs/lang-sv' {
    /** Snowball stemmer for Swedish. */
    export class StemmerSv {
        stem(word: string): string;
    }
}
