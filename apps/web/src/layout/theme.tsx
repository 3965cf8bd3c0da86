import type { ReactNode } from 'react';
import { Empty, type ThemeConfig } from 'antd';

/**
 * The console's Ant Design theme. Ant's default secondary texts (45 % black, #8c8c8c on white) and its
 * link blue fall under the 4.5:1 contrast WCAG asks for small text; these greys (#595959 7:1,
 * #666 5.7:1) and the brand red for links (#b8232f 6.4:1) meet it on white and on #fafafa.
 */
export const CONSOLE_THEME: ThemeConfig = {
  token: {
    colorPrimary: '#b8232f',
    colorLink: '#b8232f',
    colorTextSecondary: '#595959',
    colorTextTertiary: '#595959',
    colorTextDescription: '#595959',
    colorTextPlaceholder: '#666666',
    // Status colours as text on their light backgrounds (a Tag's 通过/公示中, the unread Badge's white
    // count): Ant's defaults (#52c41a, #faad14, #1677ff, #ff4d4f) read at 2–3.9:1; one shade darker
    // each reaches 4.5:1. The backgrounds stay Ant's light ones (a dark seed would darken them too).
    colorSuccess: '#237804',
    colorSuccessBg: '#f6ffed',
    colorWarning: '#ad4e00',
    colorWarningBg: '#fff7e6',
    colorInfo: '#0958d9',
    colorInfoBg: '#e6f4ff',
    colorError: '#cf1322',
    colorErrorBg: '#fff1f0',
  },
  // A table's or list's own empty text ("尚无申报……") is drawn in the disabled grey: legible here, and only here.
  components: {
    Table: { colorTextDisabled: '#595959' },
    List: { colorTextDisabled: '#595959' },
  },
};

/**
 * The theme for a user whose system asks for less motion: Ant's dialogs, drawers, menus and messages
 * appear and go without sliding or fading (its motion durations become 0).
 */
export const REDUCED_MOTION_THEME: ThemeConfig = { ...CONSOLE_THEME, token: { ...CONSOLE_THEME.token, motion: false } };

/** The empty state ("暂无数据") in a legible grey; Ant draws it in a light one by default. */
export function renderEmpty(): ReactNode {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<span style={{ color: '#595959' }}>暂无数据</span>} />;
}
