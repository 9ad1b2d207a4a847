// Numbers as Chinese official texts write them: Arabic digits, digit-by-digit years (二〇二五,
// 二零二五) and small counted numbers (三, 十二, 二十九, 兩).

const DIGITS: Readonly<Record<string, number>> = {
  〇: 0, 零: 0, '○': 0, 一: 1, 二: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Characters that can spell a year digit by digit. */
export const CHINESE_DIGIT_CHARS = '〇零○一二三四五六七八九';

/**
 * The value of a number written in Arabic digits, digit by digit (二〇二五) or with 十 (二十九);
 * null when the text is not such a number. Only small counts are supported besides years.
 */
export function parseChineseNumber(text: string): number | null {
  const s = text.trim().normalize('NFKC');
  if (s === '') return null;
  if (/^\d+$/.test(s)) return Number(s);
  if (s.includes('十')) {
    const match = /^([一二兩三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
    if (!match) return null;
    const tens = match[1] === undefined ? 1 : (DIGITS[match[1]] ?? 0);
    const units = match[2] === undefined ? 0 : (DIGITS[match[2]] ?? 0);
    return tens * 10 + units;
  }
  let value = 0;
  for (const ch of s) {
    const digit = DIGITS[ch];
    if (digit === undefined) return null;
    value = value * 10 + digit;
  }
  return value;
}
