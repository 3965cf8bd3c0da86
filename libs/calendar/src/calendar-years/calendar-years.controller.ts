import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Role, Roles } from '@awardflow/identity';
import { CalendarYearViewDto, PutCalendarYearDto } from './calendar-years.dto';
import { CalendarYearsService } from './calendar-years.service';

/**
 * The holiday calendar. Anyone signed in may read it (it is public law, and the console shows
 * deadlines computed with it); only admins enter a year.
 */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar/years')
export class CalendarController {
  constructor(private readonly years: CalendarYearsService) {}

  @Get()
  @ApiOperation({ summary: 'Every year of the working-day calendar: shipped (2024–2026) and entered by admins' })
  @ApiOkResponse({ type: [CalendarYearViewDto] })
  list() {
    return this.years.list();
  }

  @Get(':year')
  @ApiOperation({ summary: "One year's holidays and 调休 make-up working days, with the notice they come from" })
  @ApiOkResponse({ type: CalendarYearViewDto })
  get(@Param('year') year: string) {
    return this.years.get(year);
  }

  @Put(':year')
  @Roles(Role.Admin)
  @ApiOperation({ summary: "Enter a year from its State Council notice; a shipped year only with replacesShipped" })
  @ApiOkResponse({ type: CalendarYearViewDto })
  put(@Param('year') year: string, @Body() body: PutCalendarYearDto, @CurrentUser() admin: AuthUser) {
    return this.years.put(year, body, admin.id);
  }
}
