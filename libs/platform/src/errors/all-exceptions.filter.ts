import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import { isReadableChinese } from '@awardflow/rules';
import { DomainError } from './domain-error';
import { ErrorCode, HTTP_STATUS_OF } from './error-code';
import { RequestBodyError } from '../http/body-parsers';
import { ERROR_MESSAGES } from './error-messages.zh-CN';

export interface ErrorBody {
  statusCode: number;
  error: string;
  /** zh-CN, for a person: worded from the code and its parameters (error-messages.zh-CN.ts). */
  message: string;
  code: string;
  requestId?: string;
  [extra: string]: unknown;
}

const CODE_OF_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  422: ErrorCode.UnprocessableEntity,
  429: ErrorCode.RateLimited,
  503: ErrorCode.ServiceUnavailable,
};

/**
 * The one place where errors become HTTP: {statusCode, error, message, code, requestId} plus the
 * code's parameters and client-safe details. 500s say nothing internal. `message` is always
 * Chinese: a text that is not (a framework's or a library's English) only reaches the log.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  /** @param databaseConnected while false, any unexpected error is reported as 503, not 500. */
  constructor(private readonly databaseConnected: () => boolean = () => true) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const body = this.toBody(exception);
    body.message = this.readableMessage(body);
    body.requestId = request?.id ? String(request.id) : undefined;
    if (body.statusCode >= 500 && body.code !== ErrorCode.ServiceUnavailable) {
      this.logger.error({ err: exception, requestId: body.requestId }, 'Unhandled error');
    }
    if (response.headersSent) return;
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof RequestBodyError) return requestBodyErrorBody(exception);
    if (exception instanceof DomainError) {
      const statusCode = HTTP_STATUS_OF[exception.code as ErrorCode];
      return { ...exception.params, ...exception.details, statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message: exception.message, code: exception.code };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const res = exception.getResponse();
      const base: ErrorBody = {
        statusCode,
        error: STATUS_CODES[statusCode] ?? 'Error',
        message: exception.message,
        code: CODE_OF_STATUS[statusCode] ?? (statusCode >= 500 ? ErrorCode.Internal : ErrorCode.UnprocessableEntity),
      };
      if (typeof res === 'object' && res !== null) return { ...base, ...(res as Record<string, unknown>), statusCode } as ErrorBody;
      return base;
    }
    if (isDatabaseUnavailable(exception) || !this.databaseConnected()) {
      return { statusCode: 503, error: STATUS_CODES[503]!, message: 'The database is unavailable; try again shortly', code: ErrorCode.ServiceUnavailable };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: STATUS_CODES[500]!, message: 'Internal server error', code: ErrorCode.Internal };
  }

  /** The body's message if a person reading Chinese can read it, else the catalog's for its code. */
  private readableMessage(body: ErrorBody): string {
    if (isReadableChinese(body.message)) return body.message;
    const code = (body.code in ERROR_MESSAGES ? body.code : (CODE_OF_STATUS[body.statusCode] ?? ErrorCode.Internal)) as ErrorCode;
    let worded: string;
    try {
      // The body carries the code's parameters as its fields.
      worded = (ERROR_MESSAGES[code] as (params: unknown) => string)(body);
    } catch {
      worded = (ERROR_MESSAGES[CODE_OF_STATUS[body.statusCode] ?? ErrorCode.Internal] as (params: unknown) => string)({});
    }
    if (body.statusCode < 500) this.logger.debug({ code: body.code, original: body.message }, 'error message worded from its code');
    return worded;
  }
}

/** A body the parsers refused: too large, in an encoding or charset we do not read, broken, too deep. */
function requestBodyErrorBody(e: RequestBodyError): ErrorBody {
  const { limit, encoding, charset, maxDepth } = e.facts;
  const answer = (code: ErrorCode, message: string, details: Record<string, unknown> = {}): ErrorBody => {
    const statusCode = HTTP_STATUS_OF[code];
    return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, code, ...details };
  };
  switch (e.type) {
    case 'entity.too.large':
      return answer(ErrorCode.PayloadTooLarge, `请求体过大：上限为 ${formatBytes(limit)}`, { limit });
    case 'parameters.too.many':
      return answer(ErrorCode.PayloadTooLarge, '表单字段过多');
    case 'encoding.unsupported':
      return answer(ErrorCode.UnsupportedMediaType, `不支持的内容编码“${encoding}”：请用 gzip、deflate、br，或不压缩`, { encoding });
    case 'charset.unsupported':
      return answer(ErrorCode.UnsupportedMediaType, `不支持的字符集“${charset}”：请用 UTF-8`, { charset });
    case 'encoding.failed':
      return answer(ErrorCode.MalformedBody, `请求体无法按所声明的内容编码“${encoding}”解压`, { encoding });
    case 'entity.parse.failed':
      return answer(ErrorCode.MalformedBody, '请求体不是合法的 JSON');
    case 'entity.too.deep':
    case 'querystring.parse.rangeError':
      return answer(ErrorCode.BodyTooDeep, `请求体嵌套过深：最多 ${maxDepth} 层`, { maxDepth });
    case 'request.aborted':
    case 'request.size.invalid':
      return answer(ErrorCode.MalformedBody, '请求体不完整：长度与 Content-Length 不符');
    default:
      return e.status < 500
        ? answer(ErrorCode.MalformedBody, '请求体无法读取')
        : { statusCode: 500, error: STATUS_CODES[500]!, message: 'Internal server error', code: ErrorCode.Internal };
  }
}

function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '服务器设定值';
  return bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : `${+(bytes / 1024).toFixed(1)} KB`;
}

function isDatabaseUnavailable(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: string }).code;
  return code === 'ECONNREFUSED' || code === '57P01' || code === '57P03' || /DataSource is not initialized|Driver not Connected|Connection terminated|connect ECONNREFUSED/i.test(e.message);
}
