// The förbund repository over the data files: lookups, configuration order, and the active version with its source.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ForbundDataError } from '../../src/domain';
import { forbundFromFiles } from '../../src/storage/forbund-repository';

const DATA_DIR = join(__dirname, '..', '..', 'data', 'forbund');

describe('storage/forbund-repository', () => {
    it('When two data files are loaded, then they are listed in the order given and found by id', () => {
        const repo = forbundFromFiles(DATA_DIR, ['nedansiljan', 'fryksdalen']);
        assert.deepEqual(repo.ids(), ['nedansiljan', 'fryksdalen']);
        assert.deepEqual(
            repo.list().map((f) => f.id),
            ['nedansiljan', 'fryksdalen'],
        );
        assert.equal(repo.size, 2);
        assert.equal(repo.get('fryksdalen')?.id, 'fryksdalen');
        assert.ok(repo.has('nedansiljan'));
        assert.equal(repo.has('okänt'), false);
        assert.equal(repo.get('okänt'), undefined);
    });

    it('When the active version is asked for, then it is version 1, aktiv, from its data file', () => {
        const repo = forbundFromFiles(DATA_DIR, ['fryksdalen']);
        const active = repo.active('fryksdalen');
        assert.equal(active?.version, 1);
        assert.equal(active?.status, 'aktiv');
        assert.equal(active?.source, join(DATA_DIR, 'fryksdalen.json'));
        assert.equal(active?.forbund, repo.get('fryksdalen'));
        assert.equal(repo.active('okänt'), undefined);
    });

    it('When a configured data file is missing, then loading throws ForbundDataError naming it', () => {
        assert.throws(() => forbundFromFiles(DATA_DIR, ['finnsinte']), ForbundDataError);
    });
});
