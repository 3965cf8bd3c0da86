import { Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { AppConfigService } from '../config/app-config.service';

const REQUEST_ID_HEADER = 'x-request-id';

/** JSON logs; every request carries an id (taken from X-Request-Id when sane) echoed in the response. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) => ({
        pinoHttp: {
          level: config.get('LOG_LEVEL'),
          genReqId: (req: IncomingMessage, res: ServerResponse) => {
            const given = req.headers[REQUEST_ID_HEADER];
            const id = typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
            res.setHeader(REQUEST_ID_HEADER, id);
            return id;
          },
          redact: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password'],
          autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
          customProps: () => ({ service: 'awardflow' }),
        },
      }),
    }),
  ],
})
export class LoggingModule {}
