import { isMonthDay } from '@awardflow/rules';
import { AWARD_CATALOG, getAward } from './award-catalog';
import { toAwardDetail } from './catalog.dto';

describe("the awards' usual 申报 calendars", () => {
  it('are real month-days, and the district award reads 每年4月1日至5月31日', () => {
    for (const award of AWARD_CATALOG.filter((a) => a.usualCalendar)) {
      expect([award.code, isMonthDay(award.usualCalendar!.opens), isMonthDay(award.usualCalendar!.closes)]).toEqual([award.code, true, true]);
    }
    expect(toAwardDetail(getAward('district-quality-award')).usualCalendar).toEqual({ opens: '04-01', closes: '05-31', text: '每年4月1日至5月31日' });
    // Announced from above each time: no usual calendar, the form falls back.
    expect(toAwardDetail(getAward('luban-award')).usualCalendar).toBeUndefined();
  });
});
