import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type AppDatabase } from '../../../electron/db/open';
import { makeTempDir } from '../../support/testDatabase';

/** Migration 0011: template versions, the document log and evaluation answers, with their constraints. */
let temp: ReturnType<typeof makeTempDir>;
let db: AppDatabase;
const NOW = '2020-06-15T10:00:00.000Z';

beforeEach(async () => {
  temp = makeTempDir();
  db = await openDatabase(join(temp.dir, 'm0011.sqlite'));
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

function insertCase(): number {
  const municipality = (db.sqlite.prepare("select id from municipalities where kind = 'member' limit 1").get() as { id: number }).id;
  return Number(
    db.sqlite
      .prepare(
        "insert into cases (code, municipality_id, year, running_number, status, referral_date, created_at, updated_at) values ('01/20-XX', ?, 2020, 1, 'avsluttet', '2020-06-01', ?, ?)",
      )
      .run(municipality, NOW, NOW).lastInsertRowid,
  );
}

describe('0011-documents', () => {
  it('keeps one row per template version and refuses a second row with the same version or an unknown kind', () => {
    const insert = db.sqlite.prepare('insert into document_templates (kind, version, file_name, content, size_bytes, uploaded_at) values (?, ?, ?, ?, ?, ?)');
    insert.run('closure-report', 1, 'Avslutningsrapport.docx', Buffer.from('PK'), 2, NOW);
    insert.run('closure-report', 2, 'Ny.docx', Buffer.from('PK'), 2, NOW);
    expect(() => insert.run('closure-report', 2, 'Igjen.docx', Buffer.from('PK'), 2, NOW)).toThrow(/UNIQUE/);
    expect(() => insert.run('brev', 1, 'Brev.docx', Buffer.from('PK'), 2, NOW)).toThrow(/CHECK/);
    const stored = db.sqlite.prepare('select content, is_default from document_templates where version = 1').get() as { content: Buffer; is_default: number };
    expect(Buffer.from(stored.content).toString()).toBe('PK');
    expect(stored.is_default).toBe(0);
  });

  it('logs documents per case and refuses a log row for a case that does not exist', () => {
    const caseId = insertCase();
    const log = db.sqlite.prepare('insert into generated_documents (case_id, kind, template_version, generated_at) values (?, ?, 1, ?)');
    log.run(caseId, 'evaluation-form', NOW);
    expect(() => log.run(caseId + 100, 'evaluation-form', NOW)).toThrow(/FOREIGN KEY/);
  });

  it('stores answers per question on the 1–5 scale and deletes them with their form', () => {
    const caseId = insertCase();
    const response = Number(
      db.sqlite
        .prepare("insert into evaluation_responses (case_id, received_date, consent_to_contact, created_at, updated_at) values (?, '2020-07-01', 1, ?, ?)")
        .run(caseId, NOW, NOW).lastInsertRowid,
    );
    const answer = db.sqlite.prepare(`insert into evaluation_answers (response_id, case_id, question_id, value, text_value) values (?, ${caseId}, ?, ?, ?)`);
    answer.run(response, 'respekt', 5, null);
    answer.run(response, 'fungerte', null, 'Praten');
    expect(() => answer.run(response, 'lyttet', 6, null)).toThrow(/CHECK/);
    expect(() => answer.run(response, 'respekt', 4, null)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.sqlite.prepare('update evaluation_responses set consent_to_contact = 2').run()).toThrow(/CHECK/);
    db.sqlite.prepare('delete from evaluation_responses where id = ?').run(response);
    expect(db.sqlite.prepare('select count(*) as n from evaluation_answers').get()).toEqual({ n: 0 });
  });
});
