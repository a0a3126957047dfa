// Who answered a meeting's kallelse, the chosen justerare, and where the bot posted the agenda card.
import { z } from 'zod';
import { ANSWERS, type Answer } from '../domain/meetings';
import { transactional, type Db } from './db';

const answerRow = z.object({ person_id: z.number().int(), answer: z.enum(ANSWERS), answered_at: z.string() });
type Touch = (meetingId: number, actor: string, action: string, details?: object) => void;

/** Repository over meeting_attendance, meeting_justerare and meeting_cards; `touch` bumps the meeting version. */
export function createMeetingAttendance(db: Db, now: () => Date, touch: Touch) {
    const tx = <A extends unknown[], R>(fn: (...a: A) => R) => transactional(db, fn);
    return {
        /** Stores a member's answer and returns the one it replaced (undefined for a first answer). */
        answer(meetingId: number, personId: number, answer: Answer): Answer | undefined {
            const before = db
                .prepare('SELECT answer FROM meeting_attendance WHERE meeting_id = ? AND person_id = ?')
                .pluck()
                .get(meetingId, personId);
            db.prepare(
                `INSERT INTO meeting_attendance (meeting_id, person_id, answer, answered_at) VALUES (?, ?, ?, ?)
                 ON CONFLICT (meeting_id, person_id) DO UPDATE SET answer = excluded.answer, answered_at = excluded.answered_at`,
            ).run(meetingId, personId, answer, now().toISOString());
            return before === undefined ? undefined : z.enum(ANSWERS).parse(before);
        },
        answers(meetingId: number) {
            return db
                .prepare(
                    'SELECT person_id, answer, answered_at FROM meeting_attendance WHERE meeting_id = ? ORDER BY answered_at',
                )
                .all(meetingId)
                .map((raw) => {
                    const r = answerRow.parse(raw);
                    return { personId: r.person_id, answer: r.answer, answeredAt: new Date(r.answered_at) };
                });
        },
        setJusterare: tx((meetingId: number, personIds: [number, number], chosenBy: number, actor: string) => {
            const put = db.prepare(
                `INSERT INTO meeting_justerare (meeting_id, seat, person_id, chosen_by, chosen_at) VALUES (?, ?, ?, ?, ?)
                 ON CONFLICT (meeting_id, seat) DO UPDATE SET person_id = excluded.person_id,
                   chosen_by = excluded.chosen_by, chosen_at = excluded.chosen_at`,
            );
            personIds.forEach((p, i) => put.run(meetingId, i + 1, p, chosenBy, now().toISOString()));
            touch(meetingId, actor, 'meeting.justerare', { personIds });
        }),
        justerare: (meetingId: number): number[] =>
            z
                .array(z.number().int())
                .parse(
                    db
                        .prepare('SELECT person_id FROM meeting_justerare WHERE meeting_id = ? ORDER BY seat')
                        .pluck()
                        .all(meetingId),
                ),
        recordCard(meetingId: number, conversationId: string, activityId: string, postedBy: number) {
            db.prepare(
                `INSERT INTO meeting_cards (meeting_id, conversation_id, activity_id, posted_by, posted_at) VALUES (?, ?, ?, ?, ?)
                 ON CONFLICT (meeting_id, conversation_id) DO UPDATE SET activity_id = excluded.activity_id`,
            ).run(meetingId, conversationId, activityId, postedBy, now().toISOString());
        },
        cards: (meetingId: number) =>
            z
                .array(z.object({ conversation_id: z.string(), activity_id: z.string() }))
                .parse(
                    db
                        .prepare('SELECT conversation_id, activity_id FROM meeting_cards WHERE meeting_id = ?')
                        .all(meetingId),
                )
                .map((r) => ({ conversationId: r.conversation_id, activityId: r.activity_id })),
    };
}
