// The interchange readers, pure (no database): Popolo, FtM and CSV text → one facts file, with the
// input's record and field named for every problem; other names encoded; namesakes given two ids.
import { readDataset } from '../../src/import/dataset-run';
import { InputError } from '../../src/import/dataset';
import { mappedType } from '../../src/import/ftm/read';
import { decodeOtherName, encodeOtherName } from '../../src/model/other-names';

const opts = { actor: 'test' };
const problemsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error('expected an InputError');
};

describe('Popolo', () => {
  const doc = {
    persons: [
      {
        id: 'a',
        name: 'Vi Thị Hương',
        other_names: [{ name: 'Vi Thi Huong', lang: 'en', start_date: '2011' }],
        identifiers: [{ scheme: 'wikidata', identifier: 'Q1' }],
      },
      { id: 'b', name: 'Vi Thị Hương' },
    ],
    organizations: [
      { id: 'na', name: 'National Assembly', classification: 'legislature' },
      { id: 'p', name: 'Party', classification: 'party' },
    ],
    areas: [{ id: 'x', name: 'Điện Biên', type: 'constituency' }],
    events: [{ id: 't13', name: 'Term 13', classification: 'legislative period', start_date: '2011-07-21T00:00:00Z' }],
    memberships: [{ person_id: 'a', organization_id: 'na', on_behalf_of_id: 'p', area_id: 'x', legislative_period_id: 't13', role: 'member' }],
  };

  it('maps each class onto the model and keeps the Popolo object as the evidence', () => {
    const facts = readDataset('popolo', JSON.stringify(doc), 'vn.json', opts);
    const [a, b] = facts.sections.persons!;
    expect(a!.id).not.toBe(b!.id); // namesakes: two ids
    expect(a!.identifiers).toEqual(['everypolitician:a', 'wikidata:Q1']);
    expect(a!.wikidataId).toBe('Q1');
    expect((a!.otherNames as string[]).map(decodeOtherName)).toEqual([{ name: 'Vi Thi Huong', lang: 'en', startDate: '2011' }]);
    expect(facts.sections.events![0]).toMatchObject({ classification: 'legislative_period', startDate: '2011-07-21' });
    const [m] = facts.sections.memberships!;
    expect(m).toMatchObject({ member: a!.id, role: 'member', roleText: 'member' });
    expect(m!.onBehalfOf).toMatch(/^organization\/party-/);
    expect(m!.area).toMatch(/^area\/dien-bien-/);
    expect(m!.legislativePeriod).toMatch(/^event\/term-13-/);
    expect(JSON.parse((m!.evidence as Array<{ value: string }>)[0]!.value)).toEqual(doc.memberships[0]);
    expect(facts.source).toMatchObject({ id: 'source/popolo-vn', kind: 'dataset' });
  });

  it('names the record and field of every bad value', () => {
    const bad = { ...doc, persons: [{ id: 'a', name: 'A', birth_date: 'April 1960' }], memberships: [{ person_id: 'zz', organization_id: 'na' }] };
    expect(problemsOf(() => readDataset('popolo', JSON.stringify(bad), 'vn.json', opts))).toEqual([
      { record: 'persons[0] (id a)', field: 'birth_date', message: 'expected a date (YYYY, YYYY-MM or YYYY-MM-DD), got "April 1960"' },
      { record: 'memberships[0]', field: 'person_id', message: 'no person zz in the file' },
    ]);
    expect(problemsOf(() => readDataset('popolo', '{"persons": [', 'vn.json', opts))[0]).toMatchObject({ record: '(file)', field: '(json)' });
  });
});

describe('FtM', () => {
  it('maps schemata by the FtM model’s inheritance; others are foreign records', () => {
    expect(['Person', 'PublicBody', 'Company', 'Organization', 'Position', 'Occupancy', 'Membership', 'Event'].map(mappedType)).toEqual([
      'Person',
      'Organization',
      'Organization',
      'Organization',
      'Position',
      'Occupancy',
      'Membership',
      'Event',
    ]);
    expect(['Sanction', 'Ownership', 'Address', 'NoSuchSchema'].map(mappedType)).toEqual([null, null, null, null]);
  });

  it('keeps unknown schemata verbatim and reads an occupancy with its holder and post', () => {
    const lines = [
      { id: 'p1', schema: 'Person', properties: { name: ['Nguyễn Văn A', 'Nguyen Van A'], birthDate: ['1960-01-02'], sourceUrl: ['https://example.org/a'] } },
      { id: 'pos', schema: 'Position', properties: { name: ['Minister'] } },
      { id: 'o1', schema: 'Occupancy', properties: { holder: ['p1'], post: ['pos'], status: ['current'] } },
      { id: 's1', schema: 'Sanction', properties: { entity: ['p1'] } },
      { id: 'u1', schema: 'Spaceship', properties: { warp: ['9'] } },
    ].map((l) => JSON.stringify(l));
    const facts = readDataset('ftm', lines.join('\n'), 'x.ftm.json', opts);
    expect(facts.source.foreignRecords).toEqual([lines[3], lines[4]]);
    expect(facts.sections.persons![0]).toMatchObject({ name: 'Nguyễn Văn A', aliases: ['Nguyen Van A'], identifiers: ['ftm:p1'], birthDate: '1960-01-02' });
    expect(facts.sections.persons![0]!.mentions).toContainEqual({ field: 'sourceUrl', value: 'https://example.org/a' });
    expect(facts.sections.occupancies![0]).toMatchObject({ holder: facts.sections.persons![0]!.id, status: 'current' });
  });

  it('names the line and property of a bad entity', () => {
    const text = ['{"id":"p1","schema":"Person","properties":{"name":["A"],"birthDate":["soon"]}}', 'not json'].join('\n');
    expect(problemsOf(() => readDataset('ftm', text, 'x.ftm.json', opts)).map((p) => [p.record, p.field])).toEqual([
      ['line 2', '(json)'],
      ['line 1 (Person p1)', 'properties.birthDate'],
    ]);
  });
});

describe('CSV', () => {
  const mapping = `person: { id: id, name: name }\norganization: { id: chamber, name: chamber, classification: { value: legislature } }\nmembership: { role: { value: member } }\n`;
  it('makes one person per id and one membership per row', () => {
    const csv = 'id,name,chamber\n1,A,NA\n1,A,Senate\n2,A,NA\n';
    const facts = readDataset('csv', csv, 'x.csv', { ...opts, mapping });
    expect(facts.sections.persons).toHaveLength(2);
    expect(facts.sections.memberships).toHaveLength(3);
    expect(facts.sections.organizations!.map((o) => o.name)).toEqual(['NA', 'Senate']);
  });

  it('names the line of a row without a person', () => {
    expect(problemsOf(() => readDataset('csv', 'id,name,chamber\n1,A,NA\n,,NA\n', 'x.csv', { ...opts, mapping }))).toEqual([
      { record: 'line 3', field: 'person', message: 'the row gives no person (no id or name in the mapped columns)' },
    ]);
  });
});

it('encodes an other name with its keys in one order and no empty fields, so equal names are one', () => {
  expect(encodeOtherName({ note: 'x', name: 'A', lang: null, startDate: '2011' })).toBe('{"name":"A","startDate":"2011","note":"x"}');
});
