import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { DATE_ONLY } from '../work-calendar/beijing-dates';

const AS_DATE = { message: '须为日期（YYYY-MM-DD）' };

export class HolidayRangeDto {
  @ApiProperty({ example: '春节' }) @IsString() @MinLength(1) @MaxLength(20) name: string;
  @ApiProperty({ example: '2027-02-06', description: 'first day off (Beijing date)' }) @Matches(DATE_ONLY, AS_DATE) from: string;
  @ApiProperty({ example: '2027-02-13', description: 'last day off, inclusive' }) @Matches(DATE_ONLY, AS_DATE) to: string;
}

export class PutCalendarYearDto {
  @ApiProperty({ example: '国办发明电〔2026〕9号', description: "the State Council notice's 文号" }) @IsString() @MinLength(2) @MaxLength(60) notice: string;

  @ApiProperty({ type: [HolidayRangeDto], description: 'the 放假 ranges, as the notice lists them' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => HolidayRangeDto)
  holidays: HolidayRangeDto[];

  @ApiProperty({ example: ['2027-02-20'], description: '调休 make-up working days (Saturdays and Sundays worked)' })
  @IsArray()
  @ArrayMaxSize(30)
  @Matches(DATE_ONLY, { ...AS_DATE, each: true })
  makeUpWorkdays: string[];

  @ApiPropertyOptional({ description: 'required to replace a year that ships with the product (the State Council amended its notice)' })
  @IsOptional()
  @IsBoolean()
  replacesShipped?: boolean;
}

/** One year of the calendar as the API answers it: the notice's dates and where they come from. */
export class CalendarYearViewDto {
  @ApiProperty({ example: 2025 }) year: number;
  @ApiProperty({ example: '国办发明电〔2024〕12号' }) notice: string;
  @ApiProperty({ type: [HolidayRangeDto] }) holidays: HolidayRangeDto[];
  @ApiProperty({ type: [String], example: ['2025-01-26'] }) makeUpWorkdays: string[];
  @ApiProperty({ enum: ['shipped', 'admin'] }) source: 'shipped' | 'admin';
  @ApiProperty() replacesShipped: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: Date | null;
}
