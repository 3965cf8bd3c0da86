import { INestApplication } from '@nestjs/common';
import type { Application } from 'express';
import { AppConfigService } from '../config/app-config.service';

/**
 * Behind a reverse proxy every request comes from the proxy's address, so per-address limits (and
 * the address an audit records) would see one client. TRUST_PROXY names the proxies whose
 * X-Forwarded-For Express may believe; unset, `req.ip` is the TCP peer and the header is ignored.
 */
export function applyTrustProxy(app: INestApplication): void {
  const express = app.getHttpAdapter().getInstance() as Application;
  express.set('trust proxy', app.get(AppConfigService).get('TRUST_PROXY'));
}
