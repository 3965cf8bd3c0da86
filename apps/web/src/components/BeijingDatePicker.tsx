import dayjs from 'dayjs';
import { DatePicker } from 'antd';
import type { DatePickerProps } from 'antd';

/**
 * A DatePicker whose value is a Beijing date, 'YYYY-MM-DD', as the API takes it. The picked calendar
 * day is kept as it reads, never turned into an instant in the browser's zone, so an office user on a
 * computer set to another zone sends the day they picked. Fits a Form.Item (value/onChange).
 */
export function BeijingDatePicker({ value, onChange, ...rest }: Omit<DatePickerProps, 'value' | 'onChange'> & { value?: string | null; onChange?: (value: string | undefined) => void }) {
  return (
    <DatePicker
      {...rest}
      format="YYYY-MM-DD"
      style={{ width: '100%', ...rest.style }}
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange?.(d && !Array.isArray(d) ? (d as dayjs.Dayjs).format('YYYY-MM-DD') : undefined)}
    />
  );
}
