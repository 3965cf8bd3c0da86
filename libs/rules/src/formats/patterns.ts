/** Formats of codes and numbers the API accepts, with the zh-CN hint for each (read after the field's name). */
export const REGION_CODE = { pattern: /^\d{6}$/, hint: '须为 6 位数字（如 500103 渝中区）' } as const;
export const INDUSTRY_CODE = { pattern: /^[A-T]\d{0,4}$/, hint: '须为 GB/T 4754 代码（如 C3825）' } as const;
export const PHONE = { pattern: /^[0-9+\-() ]{6,20}$/, hint: '格式不正确（如 023-63000000）' } as const;
export const USERNAME = { pattern: /^[A-Za-z0-9._-]{3,64}$/, hint: '须为 3–64 位字母、数字、点、下划线或连字符' } as const;
