// The facts file validator, without I/O: a malformed file is rejected whole, and every message names
// the file, the entry and the field.
import { FactsFileError, validateFacts } from '../../src/ingest/validate';
import { deriveFactId } from '../../src/model/facts-file';
import { model } from '../../src/model/model';

const TEXT = 'Tham dự có đồng chí Nguyễn Văn A, Thứ trưởng Bộ Tư pháp. Toà án nhân dân tối cao là Khối trưởng.';

function base(): Record<string, unknown> {
  return {
    source: { id: 'source/t', title: 'T', language: 'vi', textFile: 't.txt', publishedAt: '2024-04-10' },
    persons: [{ id: 'person/nguyen-van-a', name: 'Nguyễn Văn A', mentions: ['đồng chí Nguyễn Văn A'] }],
    organizations: [
      { id: 'organization/bo-tu-phap', name: 'Bộ Tư pháp', classification: 'ministry' },
      { id: 'organization/tandtc', name: 'Toà án nhân dân tối cao', classification: 'court' },
    ],
    positions: [{ id: 'position/bo-tu-phap/thu-truong', role: 'Thứ trưởng', organization: 'organization/bo-tu-phap' }],
    occupancies: [
      {
        holder: 'person/nguyen-van-a',
        position: 'position/bo-tu-phap/thu-truong',
        status: 'current',
        evidence: [{ quote: 'Nguyễn Văn A, Thứ trưởng Bộ Tư pháp' }],
      },
    ],
  };
}

function problemsOf(input: unknown): string[] {
  try {
    validateFacts('seeds/facts/t.yaml', input, () => TEXT);
  } catch (error) {
    if (error instanceof FactsFileError) return error.problems.map((p) => `${p.file} | ${p.entry} | ${p.field} | ${p.message}`);
    throw error;
  }
  return [];
}

describe('validateFacts', () => {
  it('accepts a valid file, canonicalises names and keeps the written form as an alias', () => {
    const plan = validateFacts('t.yaml', base(), () => TEXT);
    expect(plan.sections.organizations![1]?.name).toBe('Tòa án nhân dân tối cao');
    expect(plan.sections.organizations![1]?.aliases).toContain('Toà án nhân dân tối cao');
    expect(plan.sections.occupancies![0]?.id).toBe('occupancy/nguyen-van-a/bo-tu-phap.thu-truong');
  });

  it('names file, entry and field for a bad enum value', () => {
    const input = base();
    (input.organizations as Array<Record<string, unknown>>)[0]!.classification = 'ministery';
    const problems = problemsOf(input);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^seeds\/facts\/t\.yaml \| organizations\[0\] \(organization\/bo-tu-phap\) \| classification \| /);
  });

  it('names an unknown reference', () => {
    const input = base();
    (input.occupancies as Array<Record<string, unknown>>)[0]!.position = 'position/bo-tu-phap/bo-truong';
    expect(problemsOf(input)).toEqual(['seeds/facts/t.yaml | occupancies[0] | position | unknown id position/bo-tu-phap/bo-truong (not defined in this file)']);
  });

  it('rejects a quote that is not verbatim in the source text', () => {
    const input = base();
    (input.occupancies as Array<Record<string, unknown>>)[0]!.evidence = [{ quote: 'Nguyễn Văn A, Bộ trưởng Bộ Tư pháp' }];
    expect(problemsOf(input)[0]).toMatch(/occupancies\[0\] \| evidence\[0\]\.quote \| quote not found verbatim/);
  });

  it('rejects a fact without evidence, a bad date and a duplicate id, all at once', () => {
    const input = base();
    const occ = (input.occupancies as Array<Record<string, unknown>>)[0]!;
    occ.evidence = [];
    occ.startDate = '2024-13';
    const problems = problemsOf(input);
    expect(problems.some((p) => p.includes('| evidence | a fact needs at least one piece of evidence'))).toBe(true);
    expect(problems.some((p) => p.includes('| startDate | expected an ISO date'))).toBe(true);

    const dup = base();
    (dup.persons as unknown[]).push({ id: 'person/nguyen-van-a', name: 'Nguyễn Văn A' });
    expect(problemsOf(dup)).toEqual(['seeds/facts/t.yaml | persons[1] (person/nguyen-van-a) | id | duplicate id person/nguyen-van-a']);
  });

  it('rejects unknown fields (typos do not pass silently)', () => {
    const input = base();
    (input.persons as Array<Record<string, unknown>>)[0]!.nmae = 'x';
    expect(problemsOf(input)[0]).toMatch(/persons\[0\] \(person\/nguyen-van-a\) \| \(entry\) \| .*nmae/);
  });

  it('derives distinct fact ids for distinct roles of one participant', () => {
    const a = deriveFactId(model.types.Participation!, { event: 'event/e', participant: 'person/x', role: 'attendee' });
    const b = deriveFactId(model.types.Participation!, { event: 'event/e', participant: 'person/x', role: 'signatory' });
    expect(a).not.toBe(b);
  });

  it('gives an inferred fact MEDIUM confidence by default and refuses HIGH', () => {
    const input = base();
    const occ = (input.occupancies as Array<Record<string, unknown>>)[0]!;
    occ.inferred = true;
    expect(validateFacts('t.yaml', input, () => TEXT).sections.occupancies![0]!.confidence).toBe('medium');
    occ.confidence = 'high';
    expect(problemsOf(input)).toEqual(['seeds/facts/t.yaml | occupancies[0] | confidence | an inferred fact is never HIGH confidence (use medium or low)']);
  });

  it('takes record evidence from a record source without a text, and refuses quotes there', () => {
    const input = base();
    input.source = {
      id: 'source/wp-1',
      title: 'Nguyễn Văn A',
      kind: 'record',
      language: 'vi',
      retrievedAt: '2025-01-01',
      url: 'https://vi.wikipedia.org/?curid=1',
      licence: 'CC BY-SA 4.0',
    };
    (input.persons as Array<Record<string, unknown>>)[0]!.mentions = [{ field: 'name', value: 'Nguyễn Văn A' }];
    const occ = (input.occupancies as Array<Record<string, unknown>>)[0]!;
    occ.evidence = [{ field: 'office1', value: '[[Thứ trưởng Bộ Tư pháp]]' }];
    const plan = validateFacts('t.yaml', input, () => {
      throw new Error('no text to read');
    });
    expect(plan.sourceText).toBeNull();
    expect(plan.sections.occupancies![0]!.evidence).toEqual([{ field: 'office1', value: '[[Thứ trưởng Bộ Tư pháp]]' }]);
    occ.evidence = [{ quote: 'Thứ trưởng Bộ Tư pháp' }];
    expect(problemsOf(input)).toEqual([
      'seeds/facts/t.yaml | occupancies[0] | evidence[0].quote | a quote needs the source text (textFile); cite a record as {field, value} instead',
    ]);
  });

  it('needs the text of an article', () => {
    const input = base();
    delete (input.source as Record<string, unknown>).textFile;
    expect(problemsOf(input)).toContain('seeds/facts/t.yaml | source | textFile | an article needs its text (textFile): quotes are checked against it');
  });
});
