import { Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostname } from 'node:os';
import { LoggerModule } from 'nestjs-pino';
import { stdSerializers } from 'pino-http';
import { AppConfigService } from '../config/app-config.service';
import { isDebugOrFiner, requestLogLevel, slimRequest } from './request-log';

const REQUEST_ID_HEADER = 'x-request-id';

/**
 * JSON logs; every request carries an id (taken from X-Request-Id when sane) echoed in the response.
 * A request gets its own line when it fails or is slow, every request only at LOG_LEVEL=debug.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) => {
        const debug = isDebugOrFiner(config.get('LOG_LEVEL'));
        return {
          pinoHttp: {
            level: config.get('LOG_LEVEL'),
            // In the base bindings rather than customProps: those cost a child logger per request.
            base: { pid: process.pid, hostname: hostname(), service: 'awardflow' },
            genReqId: (req: IncomingMessage, res: ServerResponse) => {
              const given = req.headers[REQUEST_ID_HEADER];
              const id = typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
              res.setHeader(REQUEST_ID_HEADER, id);
              return id;
            },
            // Unwrapped, the slim request serializer gets the raw request instead of pino's whole one.
            ...(debug ? {} : { wrapSerializers: false, serializers: { req: slimRequest, res: stdSerializers.res, err: stdSerializers.err } }),
            redact: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password'],
            customLogLevel: requestLogLevel(debug),
            autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
          },
        };
      },
    }),
  ],
})
export class LoggingModule {}
