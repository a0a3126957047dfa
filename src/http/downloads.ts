// Documents served at signed URLs (/files/<kind>/<id>): capabilities register a provider per kind.
export type Download = { contentType: string; filename: string; body: string | Buffer };
/** Returns the document for an id, or undefined when there is none (404). */
export type DownloadProvider = (id: string) => Download | undefined | Promise<Download | undefined>;

/** A registry of providers by kind ('ics', 'protokoll', 'csv', …) plus link building. */
export function createDownloads(signer: { sign(path: string, ttlSeconds: number): string }) {
    const providers = new Map<string, DownloadProvider>();
    return {
        register(kind: string, provider: DownloadProvider) {
            if (!/^[a-z0-9-]+$/.test(kind)) throw new Error(`bad download kind ${kind}`);
            providers.set(kind, provider);
        },
        provider: (kind: string) => providers.get(kind),
        /** A signed link to a registered document, valid for `ttlSeconds` (default 7 days). */
        link(kind: string, id: string, ttlSeconds = 7 * 24 * 3600): string {
            return signer.sign(`/files/${kind}/${encodeURIComponent(id)}`, ttlSeconds);
        },
    };
}
export type Downloads = ReturnType<typeof createDownloads>;
