import assert from 'node:assert/strict';
import { justeringState, mayEdit, mayJustera, type JusteringEvent } from '../../src/domain/decision-justering';

const J = [7, 9];
const ev = (version: number, personId: number, action: JusteringEvent['action'], comment?: string): JusteringEvent => ({
    version,
    personId,
    action,
    comment,
});

describe('decisions: justering state machine', () => {
    const cases: [string, number, JusteringEvent[], string, number[]][] = [
        ['nobody has justerat', 1, [], 'justeras', []],
        ['one justerare has justerat', 1, [ev(1, 7, 'justerat')], 'justeras', [7]],
        ['both have justerat', 1, [ev(1, 7, 'justerat'), ev(1, 9, 'justerat')], 'justerat', [7, 9]],
        ['someone else pressed Justera', 1, [ev(1, 7, 'justerat'), ev(1, 3, 'justerat')], 'justeras', [7]],
        [
            'one justerat and the other asked for a change',
            1,
            [ev(1, 7, 'justerat'), ev(1, 9, 'ändring', 'fel i § 9')],
            'ändring-begärd',
            [7],
        ],
        [
            'a change was made (version 2) and nobody has justerat it',
            2,
            [ev(1, 7, 'justerat'), ev(1, 9, 'ändring', 'x')],
            'justeras',
            [],
        ],
        [
            'version 2 is justerat by both',
            2,
            [ev(1, 9, 'ändring', 'x'), ev(2, 9, 'justerat'), ev(2, 7, 'justerat')],
            'justerat',
            [7, 9],
        ],
    ];
    for (const [name, version, events, status, done] of cases) {
        it(`When ${name}, then the protokoll is ${status}`, () => {
            const s = justeringState(J, version, events);
            assert.equal(s.status, status);
            assert.deepEqual(s.done, done);
        });
    }

    const rules: [string, JusteringEvent[], number, 'justerat' | 'ändring', string][] = [
        ['a justerare justerar', [], 7, 'justerat', 'ok'],
        ['someone who is not justerare justerar', [], 3, 'justerat', 'not-justerare'],
        ['a justerare justerar twice', [ev(1, 7, 'justerat')], 7, 'justerat', 'already'],
        [
            'a justerare justerar while a change is requested',
            [ev(1, 9, 'ändring', 'x')],
            7,
            'justerat',
            'change-requested',
        ],
        ['a justerare asks for a change after justering', [ev(1, 7, 'justerat')], 7, 'ändring', 'ok'],
        [
            'a justerare asks for a change when it is final',
            [ev(1, 7, 'justerat'), ev(1, 9, 'justerat')],
            9,
            'ändring',
            'final',
        ],
    ];
    for (const [name, events, who, action, want] of rules) {
        it(`When ${name}, then the answer is ${want}`, () => {
            const r = mayJustera(justeringState(J, 1, events), J, who, action);
            assert.equal(r.ok ? 'ok' : r.reason, want);
        });
    }

    it('When a change is requested, then the chef may edit; when justerat or in justering, not', () => {
        assert.equal(mayEdit(justeringState(J, 1, [ev(1, 9, 'ändring', 'x')])), true);
        assert.equal(mayEdit(justeringState(J, 1, [ev(1, 9, 'justerat')])), false);
        assert.equal(mayEdit(justeringState(J, 1, [ev(1, 9, 'justerat'), ev(1, 7, 'justerat')])), false);
    });
});
