import { INestApplication } from '@nestjs/common';
import compression from 'compression';

/**
 * Compressed answers (brotli or gzip, as the client's Accept-Encoding allows) for anything compressible over
 * 1 KB: the console's JS and CSS, index.html and the API's JSON. Small answers are sent as they are,
 * where compressing costs more than it saves. The `compression` package also sets `Vary: Accept-Encoding`.
 */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

export function useCompression(app: INestApplication): void {
  app.use(compression({ threshold: COMPRESSION_THRESHOLD_BYTES }));
}
