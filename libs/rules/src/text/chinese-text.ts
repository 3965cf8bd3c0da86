// The API keeps a message only when it is readable Chinese, and the console shows the API's message on the same test.

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** Three or more Latin words in a row: an English sentence, not a code, unit or name inside Chinese. */
const ENGLISH_RUN = /[A-Za-z]{2,}[,;:'"()]*\s+[A-Za-z]{2,}[,;:'"()]*\s+[A-Za-z]{2,}/;

/** Whether a person who reads only Chinese can read the text: Chinese, with no English sentence in it. */
export function isReadableChinese(text: unknown): text is string {
  return typeof text === 'string' && CJK.test(text) && !ENGLISH_RUN.test(text);
}
