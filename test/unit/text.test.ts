import { fold, slug } from '../../src/text/fold';
import { canonicalSpelling, normalizeName } from '../../src/text/normalize';

describe('canonicalSpelling', () => {
  it.each([
    ['Toà án nhân dân tối cao', 'Tòa án nhân dân tối cao'],
    ['Đảng uỷ', 'Đảng ủy'],
    ['thuỷ', 'thủy'],
    ['Khoá', 'Khóa'],
    ['hoà bình', 'hòa bình'],
    ['khoẻ', 'khỏe'],
    ['TOÀ ÁN', 'TÒA ÁN'],
    // "qu" is a consonant: the mark stays on y
    ['quý', 'quý'],
    ['Quỳnh', 'Quỳnh'],
    // a final consonant: nothing moves
    ['Hoàng', 'Hoàng'],
    ['Huỳnh', 'Huỳnh'],
    ['thuế', 'thuế'],
    ['Tòa án', 'Tòa án'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalSpelling(input)).toBe(expected);
    expect(canonicalSpelling(input.normalize('NFD'))).toBe(expected);
  });

  it('returns NFC', () => {
    expect(canonicalSpelling('Nguyễn'.normalize('NFD'))).toBe('Nguyễn'.normalize('NFC'));
  });

  it('normalizeName trims and collapses space, including no-break space', () => {
    expect(normalizeName('  Nguyễn\u00a0Thanh   Tịnh ')).toBe('Nguyễn Thanh Tịnh');
  });
});

describe('fold', () => {
  it.each([
    ['Nguyễn Thanh Tịnh', 'nguyen thanh tinh'],
    ['Đặng Công Huẩn', 'dang cong huan'],
    ['ĐẢNG ỦY', 'dang uy'],
    ['Toà án', 'toa an'],
    ['Tòa án', 'toa an'],
    ['Ban Thi đua – Khen thưởng', 'ban thi dua - khen thuong'],
    ['“Vì sự nghiệp”', '"vi su nghiep"'],
  ])('%s → %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
    expect(fold(input.normalize('NFD'))).toBe(expected);
  });

  it('makes slugs', () => {
    expect(slug('Bộ Tư pháp')).toBe('bo-tu-phap');
    expect(slug('Viện Kiểm sát nhân dân tối cao')).toBe('vien-kiem-sat-nhan-dan-toi-cao');
  });
});
