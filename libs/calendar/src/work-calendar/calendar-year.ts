/** One 放假 range of a notice: 春节 2025-01-28 to 2025-02-04, both days off. */
export interface HolidayRange {
  /** 春节, 国庆节、中秋节: as the notice names it. */
  name: string;
  /** YYYY-MM-DD, Beijing date. */
  from: string;
  /** YYYY-MM-DD, Beijing date, inclusive. */
  to: string;
}

/** What the State Council's notice for one year says: the days off and the weekend days worked instead. */
export interface CalendarYear {
  year: number;
  /** The notice's 文号 (国办发明电〔2024〕12号): where a reader checks the dates. */
  notice: string;
  holidays: HolidayRange[];
  /** 调休上班日: Saturdays and Sundays that are working days. */
  makeUpWorkdays: string[];
}

/** Where a year's dates come from: shipped with the product, or entered by an admin after its notice was published. */
export type CalendarYearSource = 'shipped' | 'admin';
