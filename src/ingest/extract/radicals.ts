/**
 * PDFs printed by Chromium (and some office suites) map CJK glyphs back to radical code points
 * (⼈ U+2F08, ⺠ U+2EA0) instead of the ideographs the page shows (人, 民). Kangxi radicals
 * (U+2F00–U+2FD5) fold under NFKC; the CJK Radicals Supplement mostly does not, so its
 * radicals that stand for a whole ideograph are mapped here, after Unicode's
 * EquivalentUnifiedIdeograph.txt. Radical-only forms (⺮, ⺾ …) have no ideograph and stay.
 */
const SUPPLEMENT: Record<string, string> = {
  '⺁': '厂', '⺄': '乙', '⺅': '亻', '⺆': '冂', '⺊': '卜', '⺌': '小', '⺎': '兀', '⺏': '尣', '⺐': '尢',
  '⺒': '巳', '⺓': '幺', '⺔': '彑', '⺖': '忄', '⺗': '心', '⺘': '扌', '⺙': '攵', '⺛': '旡', '⺜': '日', '⺝': '月',
  '⺞': '歺', '⺟': '母', '⺠': '民', '⺡': '氵', '⺢': '氺', '⺣': '灬', '⺤': '爫', '⺥': '爫', '⺦': '丬', '⺧': '牛',
  '⺨': '犭', '⺩': '王', '⺪': '疋', '⺫': '目', '⺬': '示', '⺭': '礻', '⺯': '糹', '⺰': '纟', '⺱': '罒', '⺲': '罒',
  '⺳': '网', '⺶': '羊', '⺷': '羊', '⺹': '耂', '⺺': '肀', '⺻': '聿', '⺼': '肉', '⺽': '臼', '⺾': '艹', '⺿': '艹',
  '⻀': '艹', '⻁': '虎', '⻂': '衤', '⻃': '襾', '⻄': '西', '⻅': '见', '⻆': '角', '⻈': '讠', '⻉': '贝', '⻋': '车',
  '⻌': '辶', '⻍': '辶', '⻎': '辶', '⻏': '阝', '⻐': '钅', '⻑': '長', '⻒': '镸', '⻓': '长', '⻔': '门', '⻖': '阝',
  '⻗': '雨', '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻟': '飠', '⻠': '饣', '⻢': '马',
  '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻫': '斉', '⻬': '齐',
  '⻭': '歯', '⻮': '齿', '⻯': '竜', '⻰': '龙', '⻱': '龜', '⻲': '亀', '⻳': '龟',
};

const RADICAL = /[\u2e80-\u2ef3\u2f00-\u2fd5]/g;

export function foldRadicals(s: string): string {
  return s.replace(RADICAL, (ch) => SUPPLEMENT[ch] ?? ch.normalize('NFKC'));
}
