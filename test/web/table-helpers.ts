import { expect } from '@jest/globals';
import { Page } from 'playwright-core';
import { waitFor } from '../support/throwaway-redis';
import { PAGE_TIMEOUT } from './console-host';

/** Waits (bounded) until read() answers what is expected, then asserts it: the last answer is in the failure. */
export async function settles<T>(read: () => Promise<T>, expected: T): Promise<void> {
  let last: T | undefined;
  await waitFor(async () => {
    last = await read();
    return JSON.stringify(last) === JSON.stringify(expected);
  }, PAGE_TIMEOUT, 'the page to show the expected rows').catch(() => undefined);
  expect(last).toEqual(expected);
}

/** Clicks the column's header until antd says it sorts that way (it cycles 升序 → 降序 → none). */
export async function sortBy(page: Page, title: string, direction: 'ascending' | 'descending'): Promise<void> {
  const header = page.locator('th').filter({ hasText: title });
  for (let i = 0; i < 3; i++) {
    const before = await header.getAttribute('aria-sort');
    if (before === direction) break;
    await header.click();
    await waitFor(async () => (await header.getAttribute('aria-sort')) !== before, PAGE_TIMEOUT, `${title} to change its sort`);
  }
  expect(await header.getAttribute('aria-sort')).toBe(direction);
}

/** The table's rows by their keys (the records' ids), top to bottom. */
export function rowKeys(page: Page): Promise<Array<string | null>> {
  return page.locator('.ant-table-tbody tr.ant-table-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key')));
}

/**
 * Answers the open antd confirmation (Modal.confirm) with the named button and waits until it has
 * left the page. Under load a closed confirmation lingers through its closing animation, and the
 * next `.ant-modal-confirm` looked for would find it — a click on its button does nothing, and the
 * new confirmation waits unanswered.
 */
export async function answerConfirmation(page: Page, button: string): Promise<void> {
  const confirmation = page.locator('.ant-modal-confirm');
  await confirmation.getByRole('button', { name: button }).click();
  await confirmation.waitFor({ state: 'detached' });
}
