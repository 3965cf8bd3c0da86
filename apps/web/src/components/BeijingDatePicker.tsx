import dayjs from 'dayjs';
import { DatePicker } from 'antd';
import type { DatePickerProps } from 'antd';

/**
 * A DatePicker whose value is a Beijing date, 'YYYY-MM-DD', as the API takes it. The picked calendar
 * day is kept as it reads, never turned into an instant in the browser's zone, so an office user on a
 * computer set to another zone sends the day they picked. Fits a Form.Item (value/onChange).
 *
 * Enter in the field confirms the typed date (the picker takes it before our handler runs) and does
 * nothing else: the browser's implicit submission of the surrounding form is prevented, so a half
 * filled form is only ever sent by its button.
 */
export function BeijingDatePicker({ value, onChange, onKeyDown, ...rest }: Omit<DatePickerProps, 'value' | 'onChange'> & { value?: string | null; onChange?: (value: string | undefined) => void }) {
  return (
    <DatePicker
      {...rest}
      format="YYYY-MM-DD"
      style={{ width: '100%', ...rest.style }}
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange?.(d && !Array.isArray(d) ? (d as dayjs.Dayjs).format('YYYY-MM-DD') : undefined)}
      onKeyDown={(event, preventDefault) => {
        if (event.key === 'Enter') event.preventDefault();
        onKeyDown?.(event, preventDefault);
      }}
    />
  );
}
