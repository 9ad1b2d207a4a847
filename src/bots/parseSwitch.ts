// "on" / "off" as people type it after /watchdog, /digest and the like, in English or Chinese.
const ON = new Set(['on', 'yes', 'true', '1', 'enable', '開', '开', '開啟', '开启', '啟用', '是']);
const OFF = new Set(['off', 'no', 'false', '0', 'disable', '關', '关', '關閉', '关闭', '停用', '否']);

/** true for on, false for off, null when the word is neither. */
export function parseSwitch(text: string): boolean | null {
  const word = text.normalize('NFKC').trim().toLowerCase();
  if (ON.has(word)) return true;
  if (OFF.has(word)) return false;
  return null;
}
