// Goal and insats lookups: målområden with their verksamhetsmål and mätpunkter, and one insats in full.
import type { Body, Forbund, Insats, Malomrade, Matpunkt, Post, Verksamhetsmal } from './schema';

export type GoalArea = Malomrade & { verksamhetsmal: (Verksamhetsmal & { matpunkter: Matpunkt[] })[] };
export type InsatsOverview = {
    insats: Insats;
    /** The insats's budget post in each plan year that has it. */
    posts: { year: number; post: Post }[];
    styrgrupp?: Body;
    matpunkter: Matpunkt[];
};

/** Mätpunkter, optionally only those of one insats or one verksamhetsmål. */
export function matpunkter(f: Forbund, filter: { insatsId?: string; verksamhetsmalId?: string } = {}): Matpunkt[] {
    return f.goals.matpunkter.filter(
        (m) =>
            (filter.insatsId === undefined || m.insatsId === filter.insatsId) &&
            (filter.verksamhetsmalId === undefined || m.verksamhetsmalId === filter.verksamhetsmalId),
    );
}

/** Målområden with their verksamhetsmål and those goals' mätpunkter nested, in file order. */
export function goalTree(f: Forbund): GoalArea[] {
    return f.goals.malomraden.map((area) => ({
        ...area,
        verksamhetsmal: f.goals.verksamhetsmal
            .filter((v) => v.malomradeId === area.id)
            .map((v) => ({ ...v, matpunkter: matpunkter(f, { verksamhetsmalId: v.id }) })),
    }));
}

/** Verksamhetsmål that belong to no målområde (e.g. financial goals), with their mätpunkter. */
export function otherGoals(f: Forbund): (Verksamhetsmal & { matpunkter: Matpunkt[] })[] {
    return f.goals.verksamhetsmal
        .filter((v) => v.malomradeId === undefined)
        .map((v) => ({ ...v, matpunkter: matpunkter(f, { verksamhetsmalId: v.id }) }));
}

/** One insats with its budget posts, styrgrupp and mätpunkter. */
export function insatsOverview(f: Forbund, insatsId: string): InsatsOverview | undefined {
    const insats = f.insatser.find((i) => i.id === insatsId);
    if (!insats) return undefined;
    const posts = f.years.flatMap((y) => {
        const post = y.posts.find((p) => p.id === insats.postId);
        return post ? [{ year: y.year, post }] : [];
    });
    const styrgrupp = f.bodies.find((b) => b.kind === 'styrgrupp' && b.insatsId === insatsId);
    return { insats, posts, ...(styrgrupp && { styrgrupp }), matpunkter: matpunkter(f, { insatsId }) };
}
