import { ApiProperty } from '@nestjs/swagger';

export class NotificationDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'application_submitted' }) template: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ nullable: true, type: String }) link: string | null;
  @ApiProperty({ nullable: true, type: Date }) readAt: Date | null;
  @ApiProperty() createdAt: Date;
}

export class InboxDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() unreadCount: number;
}

export class UnreadCountDto {
  @ApiProperty() unreadCount: number;
}

export class MarkedReadDto {
  @ApiProperty({ description: 'notifications marked read' }) marked: number;
}
