import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { samplePdf } from '../../libs/applications/src/testing/material-fixtures';
import { CertificatePrinter } from '../../libs/review/src/results/certificate-printer';
import { Enterprise, readyApplication, registerEnterprise } from '../support/award-fixtures';
import { act } from '../support/review-fixtures';
import { createUser, startTestApp, TestContext } from '../support/test-app';
import { waitFor } from '../support/throwaway-redis';
import { ROOT, WEB_DIST } from '../web/console-host';
import { binaryBody } from '../support/binary-body';

const PUBLIC_BASE_URL = 'https://awards.example.cn';
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/**
 * Results as an office publishes them: certificate numbers in each cycle's format and unique across
 * the product, the 表彰决定 with its 文号 and PDF, the certificate the worker prints (its text read
 * back with pdftotext, its first page kept as a picture), revocation that keeps the number, and the
 * public verification and 表彰名单 a visitor reads without an account.
 */
describe('表彰决定, certificates and their public verification', () => {
  let ctx: TestContext;
  let admin: string;
  let yuzhong: string;
  let dadukou: { id: string; admin: string };
  let enterprises: Enterprise[];
  let cycleA: string;
  let cycleB: string;
  let cycleC: string;
  let apps: string[];
  let other: string;
  let clash: string;
  let work: string;

  const cycle = async (token: string, body: Record<string, unknown>, expected = 201) => {
    const res = await ctx.http
      .post('/cycles')
      .set('Authorization', token)
      .send({
        awardCode: 'district-quality-award',
        applicationOpensAt: '2026-01-01',
        applicationClosesAt: '2099-12-31',
        quota: { awards: 2, secondTier: { label: '提名奖', count: 1 } },
        reviewersPerApplication: 3,
        ...body,
      });
    expect(res.status).toBe(expected);
    if (expected === 201) await ctx.http.post(`/cycles/${res.body.id}/open`).set('Authorization', token).expect(200);
    return res.body;
  };
  /** Submitted, the window closed, and put where 公示 would have left them (the stages between are tested elsewhere). */
  const awaitingApproval = async (token: string, cycleId: string, entries: Array<{ enterprise: Enterprise; id: string }>) => {
    for (const { enterprise, id } of entries) await act(ctx, enterprise.token, id, 'submit');
    await ctx.http.post(`/cycles/${cycleId}/close`).set('Authorization', token).expect(200);
    await ctx.dataSource.query(`UPDATE workflow_instances SET state = 'awaiting_approval' WHERE id IN (SELECT instance_id FROM applications WHERE id = ANY($1::uuid[]))`, [entries.map((e) => e.id)]);
  };
  const certificate = (id: string, token: string, expected = 200) => ctx.http.get(`/applications/${id}/certificate`).set('Authorization', token).expect(expected);
  const pdfOf = async (id: string, token: string) => {
    const res = await ctx.http
      .get(`/applications/${id}/certificate.pdf`)
      .set('Authorization', token)
      .buffer(true)
      .parse(binaryBody);
    return res;
  };
  const textOf = (pdf: Buffer, name: string) => {
    const file = join(work, `${name}.pdf`);
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
  };
  const decision = (token: string, cycleId: string, fields: Record<string, string>, file?: { content: Buffer; name: string }) => {
    const req = ctx.http.put(`/cycles/${cycleId}/award-decision`).set('Authorization', token);
    for (const [k, v] of Object.entries(fields)) req.field(k, v);
    if (file) req.attach('file', file.content, { filename: file.name, contentType: 'application/pdf' });
    return req;
  };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'awardflow-certificates-'));
    ctx = await startTestApp({ worker: true, env: { OUTBOX_POLL_INTERVAL_MS: '200', PUBLIC_BASE_URL } });
    admin = await ctx.adminToken();
    [{ id: yuzhong }] = await ctx.dataSource.query(`SELECT id FROM offices WHERE code = 'CQ-YZ'`);
    const [{ id: city }] = await ctx.dataSource.query(`SELECT id FROM offices WHERE code = 'CQ'`);
    const office = await ctx.http.post('/offices').set('Authorization', admin).send({ name: '大渡口区市场监督管理局', code: 'CQ-DDK', divisionCode: '500104', parentId: city }).expect(201);
    dadukou = { id: office.body.id, admin: (await createUser(ctx, { username: 'ddk.admin', role: 'admin', officeIds: [office.body.id] })).token };
    enterprises = [];
    for (const name of ['重庆渝中精工机械有限公司', '重庆山城智能装备有限公司', '重庆解放碑食品有限公司', '重庆大渡口钢构有限公司', '重庆朝天门物流有限公司']) {
      // 大渡口's enterprise is registered in 大渡口: a 区长 cycle admits its own district's organisations.
      enterprises.push(await registerEnterprise(ctx, name, name.includes('大渡口') ? { regionCode: '500104' } : {}));
    }
  });
  afterAll(async () => {
    await ctx?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('refuses a certificate number format without {seq}, with unknown tokens, or one that cannot tell the tiers apart, naming the field in Chinese', async () => {
    const noSeq = await cycle(admin, { officeId: yuzhong, year: 2031, title: '格式测试一', certificateNumberFormat: '{year}-{month}' }, 400);
    expect(noSeq.errors).toEqual([
      {
        field: 'certificateNumberFormat',
        label: '证书编号格式',
        messages: ['不认识的占位符 {month}；可用 {year}、{office}、{award}、{tier}、{seq} 或 {seq:000}', '须包含序号占位符 {seq}（如 {seq:000} 表示补零到三位）'],
      },
    ]);
    expect(noSeq.message).toMatch(/^证书编号格式：/);
    const noTier = await cycle(admin, { officeId: yuzhong, year: 2031, title: '格式测试二', certificateNumberFormat: '{year}-{seq:000}' }, 400);
    expect(noTier.errors[0].messages).toEqual(['本届设有第二档，须包含 {tier} 以区分两档的证书编号']);
    // The cycle answers with the format its certificates get: its own, or the award's.
    const awards = (await ctx.http.get('/awards/district-quality-award').set('Authorization', admin).expect(200)).body;
    expect(awards.certificateNumberFormat).toBe('{year}{award}-{office}-{tier}{seq:000}');
  });

  it('numbers certificates at 审定 in each cycle’s format, unique across the product, and names the number in the award notice', async () => {
    const a = await cycle(admin, { officeId: yuzhong, year: 2026, title: '2026年度渝中区区长质量管理奖' });
    cycleA = a.id;
    expect(a.certificateNumberFormat).toBe('{year}{award}-{office}-{tier}{seq:000}');
    apps = [];
    for (const e of enterprises.slice(0, 3)) apps.push(await readyApplication(ctx, e, cycleA));
    await awaitingApproval(admin, cycleA, apps.map((id, i) => ({ enterprise: enterprises[i], id })));
    expect((await act(ctx, admin, apps[0], 'approve')).state).toBe('awarded');
    expect((await act(ctx, admin, apps[1], 'approve')).state).toBe('awarded');
    expect((await act(ctx, admin, apps[2], 'approve_second_tier')).state).toBe('nominated');
    expect((await certificate(apps[0], enterprises[0].token)).body).toMatchObject({ number: '2026DMQ-500103-J001', tier: 'award', tierLabel: '获奖', status: 'valid', revokedAt: null });
    expect((await certificate(apps[1], admin)).body).toMatchObject({ number: '2026DMQ-500103-J002', tier: 'award', status: 'valid' });
    expect((await certificate(apps[2], enterprises[2].token)).body).toMatchObject({ number: '2026DMQ-500103-T001', tier: 'second', tierLabel: '提名奖', status: 'valid' });

    // Another office, its own format.
    const b = await cycle(dadukou.admin, { officeId: dadukou.id, year: 2026, title: '2026年度大渡口区区长质量管理奖', certificateNumberFormat: 'DDK{year}-{award}-{tier}{seq:0000}' });
    cycleB = b.id;
    other = await readyApplication(ctx, enterprises[3], cycleB);
    await awaitingApproval(dadukou.admin, cycleB, [{ enterprise: enterprises[3], id: other }]);
    await act(ctx, dadukou.admin, other, 'approve');
    expect((await certificate(other, enterprises[3].token)).body).toMatchObject({ number: 'DDK2026-DMQ-J0001', status: 'valid' });

    // A format that repeats a number another cycle issued is refused at 审定: nothing moves, nothing is numbered.
    const c = await cycle(admin, { officeId: yuzhong, year: 2027, title: '2027年度渝中区区长质量管理奖', certificateNumberFormat: '2026DMQ-{office}-{tier}{seq:000}' });
    cycleC = c.id;
    clash = await readyApplication(ctx, enterprises[4], cycleC);
    await awaitingApproval(admin, cycleC, [{ enterprise: enterprises[4], id: clash }]);
    const refused = await act(ctx, admin, clash, 'approve', {}, 409);
    expect(refused).toMatchObject({ code: 'CERTIFICATE_NUMBER_TAKEN', message: expect.stringContaining('证书编号 2026DMQ-500103-J001 已被另一张证书使用') });
    expect((await ctx.http.get(`/applications/${clash}`).set('Authorization', admin).expect(200)).body.state).toBe('awaiting_approval');
    await certificate(clash, admin, 404);
    // The database holds the line too.
    await expect(
      ctx.dataSource.query(`INSERT INTO certificates (application_id, cycle_id, number, tier) VALUES ($1, $2, '2026DMQ-500103-J001', 'award')`, [clash, cycleC]),
    ).rejects.toThrow(/uq_certificates_number/);

    await waitFor(async () => {
      const inbox = (await ctx.http.get('/notifications?pageSize=100').set('Authorization', enterprises[0].token)).body.items ?? [];
      return inbox.some((n: { template: string; body: string }) => n.template === 'awarded' && n.body.includes('证书编号：2026DMQ-500103-J001'));
    }, 30_000, 'the award notice naming the certificate number');
    await waitFor(async () => {
      const inbox = (await ctx.http.get('/notifications?pageSize=100').set('Authorization', enterprises[2].token)).body.items ?? [];
      return inbox.some((n: { template: string; body: string }) => n.template === 'nominated' && n.body.includes('证书编号：2026DMQ-500103-T001'));
    }, 30_000, 'the 提名奖 notice naming the certificate number');
  });

  it('keeps certificates to their enterprise and their office', async () => {
    await certificate(apps[0], dadukou.admin, 404);
    await certificate(apps[0], enterprises[1].token, 404);
    const reviewer = await createUser(ctx, { username: 'cert.reviewer', role: 'reviewer', officeIds: [yuzhong] });
    await certificate(apps[0], reviewer.token, 403);
    await ctx.http.get(`/applications/${apps[0]}/certificate.pdf`).set('Authorization', dadukou.admin).expect(404);
    await ctx.http.get(`/applications/${apps[0]}/certificate`).expect(401);
  });

  it('prints the certificate in the worker: a PDF with the award, organisation and number, printed once', async () => {
    await waitFor(async () => (await certificate(apps[0], enterprises[0].token)).body.pdfReady, 60_000, 'the certificate PDF');
    const res = await pdfOf(apps[0], enterprises[0].token);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = textOf(res.body as Buffer, 'before-decision');
    for (const part of ['区长质量管理奖', '重庆渝中精工机械有限公司', '2026DMQ-500103-J001', '渝中区市场监督管理局']) expect(text).toContain(part);
    expect(text).not.toContain('表彰决定');

    // The same event again changes nothing: the stored PDF and its time stay.
    const [before] = await ctx.dataSource.query(`SELECT pdf_sha256, pdf_generated_at FROM certificates WHERE application_id = $1`, [apps[0]]);
    await ctx.worker!.get(CertificatePrinter, { strict: false }).print(apps[0]);
    expect(await ctx.dataSource.query(`SELECT pdf_sha256, pdf_generated_at FROM certificates WHERE application_id = $1`, [apps[0]])).toEqual([before]);
  });

  it('records the 表彰决定, refusing bad input by field, and reprints the cycle’s certificates with its 文号', async () => {
    await ctx.http.get(`/cycles/${cycleA}/award-decision`).set('Authorization', admin).expect(404);
    // Before the decision nothing of the cycle is published.
    expect((await ctx.http.get('/public/offices/500103/results').expect(200)).body).toEqual({ office: { code: '500103', name: '渝中区市场监督管理局' }, items: [] });

    const empty = await decision(admin, cycleA, {}).expect(400);
    expect(empty.body.errors.map((e: { field: string; label: string }) => [e.field, e.label])).toEqual([
      ['title', '标题'],
      ['documentNumber', '文号'],
      ['decidedOn', '决定日期'],
      ['file', '文件'],
    ]);
    const bad = await decision(admin, cycleA, { title: '关于表彰的决定', documentNumber: '第12号', decidedOn: '2026-02-30' }, { content: samplePdf('decision'), name: '决定.pdf' }).expect(400);
    expect(bad.body.errors).toEqual([
      { field: 'documentNumber', label: '文号', messages: ['须为公文文号，如 渝中府发〔2026〕12号'] },
      { field: 'decidedOn', label: '决定日期', messages: ['不是有效的日期'] },
    ]);
    expect(bad.body.message).toBe('文号：须为公文文号，如 渝中府发〔2026〕12号；决定日期：不是有效的日期');
    const future = await decision(admin, cycleA, { title: '关于表彰的决定', documentNumber: '渝中府发〔2026〕12号', decidedOn: '2099-01-01' }, { content: samplePdf('decision'), name: '决定.pdf' }).expect(400);
    expect(future.body.errors).toEqual([{ field: 'decidedOn', label: '决定日期', messages: ['不能晚于今天'] }]);
    const png = await decision(admin, cycleA, { title: '关于表彰的决定', documentNumber: '渝中府发〔2026〕12号', decidedOn: '2026-03-01' }, { content: PNG, name: '决定.pdf' }).expect(415);
    expect(png.body).toMatchObject({ code: 'FILE_TYPE_NOT_ACCEPTED', message: '只接受 PDF 文件；检测到该文件为：PNG' });
    // Another office's admin does not see the cycle; an enterprise may not record it.
    await decision(dadukou.admin, cycleA, { title: '关于表彰的决定', documentNumber: '渝中府发〔2026〕12号', decidedOn: '2026-03-01' }, { content: samplePdf('decision'), name: '决定.pdf' }).expect(404);
    await ctx.http.get(`/cycles/${cycleA}/award-decision`).set('Authorization', dadukou.admin).expect(404);
    await decision(enterprises[0].token, cycleA, { title: '关于表彰的决定', documentNumber: '渝中府发〔2026〕12号', decidedOn: '2026-03-01' }, { content: samplePdf('decision'), name: '决定.pdf' }).expect(403);
    await ctx.http.get(`/cycles/${cycleA}/award-decision`).set('Authorization', enterprises[0].token).expect(403);

    const [{ pdf_sha256: printedBefore }] = await ctx.dataSource.query(`SELECT pdf_sha256 FROM certificates WHERE application_id = $1`, [apps[0]]);
    const file = samplePdf('award-decision');
    const recorded = await decision(admin, cycleA, { title: '关于表彰2026年度渝中区区长质量管理奖获奖企业的决定', documentNumber: '渝中府发〔2026〕12号', decidedOn: '2026-03-01' }, { content: file, name: '表彰决定.pdf' }).expect(200);
    expect(recorded.body).toMatchObject({ cycleId: cycleA, title: '关于表彰2026年度渝中区区长质量管理奖获奖企业的决定', documentNumber: '渝中府发〔2026〕12号', decidedOn: '2026-03-01', fileName: '表彰决定.pdf', fileSize: file.length });
    expect((await ctx.http.get(`/cycles/${cycleA}/award-decision`).set('Authorization', admin).expect(200)).body).toEqual(recorded.body);
    const download = await ctx.http.get(`/cycles/${cycleA}/award-decision.pdf`).set('Authorization', admin).buffer(true).parse(binaryBody).expect(200);
    expect(Buffer.compare(download.body as Buffer, file)).toBe(0);

    // The worker reprints: the 文号 and date are on the certificate now.
    await waitFor(async () => {
      const [row] = await ctx.dataSource.query(`SELECT pdf_sha256 FROM certificates WHERE application_id = $1`, [apps[0]]);
      return row.pdf_sha256 !== printedBefore;
    }, 60_000, 'the certificate reprinted with the 表彰决定');
    const res = await pdfOf(apps[0], enterprises[0].token);
    expect(res.status).toBe(200);
    const text = textOf(res.body as Buffer, 'certificate');
    for (const part of ['区长质量管理奖', '重庆渝中精工机械有限公司', '2026DMQ-500103-J001', '渝中府发〔2026〕12号', '2026年3月1日']) expect(text).toContain(part);
    expect(text).toContain(`${PUBLIC_BASE_URL}/public/certificates/2026DMQ-500103-J001`);

    // Its first page, kept with the browser tests' screenshots (a directory of its own: each browser spec clears its own).
    const SCREENSHOTS = join(ROOT, 'test-results', 'certificates');
    mkdirSync(SCREENSHOTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', join(work, 'certificate.pdf'), join(SCREENSHOTS, 'certificate-first-page')]);
    const png1 = join(SCREENSHOTS, 'certificate-first-page.png');
    expect(statSync(png1).size).toBeGreaterThan(5_000);
    // Landscape A4 at 60 dpi: about 702 × 496 pixels.
    const header = readFileSync(png1);
    expect(Math.abs(header.readUInt32BE(16) - 702)).toBeLessThanOrEqual(1);
    expect(Math.abs(header.readUInt32BE(20) - 496)).toBeLessThanOrEqual(1);
  });

  it('revokes an award by marking its certificate, keeping its number', async () => {
    await act(ctx, admin, apps[1], 'revoke', { comment: '获奖后发生重大质量事故' });
    const revoked = (await certificate(apps[1], enterprises[1].token)).body;
    expect(revoked).toMatchObject({ number: '2026DMQ-500103-J002', status: 'revoked', revokedAt: expect.any(String) });
    expect(await ctx.dataSource.query(`SELECT number, revocation_reason FROM certificates WHERE application_id = $1`, [apps[1]])).toEqual([
      { number: '2026DMQ-500103-J002', revocation_reason: '获奖后发生重大质量事故' },
    ]);
  });

  it('verifies certificates for anyone: valid, revoked with its date, or unknown, with nothing beyond the certificate', async () => {
    const valid = (await ctx.http.get('/public/certificates/2026DMQ-500103-J001').expect(200)).body;
    expect(valid).toEqual({
      status: 'valid',
      certificate: {
        number: '2026DMQ-500103-J001',
        awardName: '区长质量管理奖',
        year: 2026,
        officeName: '渝中区市场监督管理局',
        organizationName: '重庆渝中精工机械有限公司',
        tierLabel: '获奖',
        documentNumber: '渝中府发〔2026〕12号',
        decidedOn: '2026-03-01',
        issuedAt: expect.any(String),
      },
    });
    const revoked = (await ctx.http.get('/public/certificates/2026DMQ-500103-J002').expect(200)).body;
    expect(revoked).toMatchObject({ status: 'revoked', certificate: { number: '2026DMQ-500103-J002', revokedAt: expect.any(String) } });
    // Another office's certificate, before its 表彰决定: valid, without a 文号.
    const elsewhere = (await ctx.http.get(`/public/certificates/${encodeURIComponent('DDK2026-DMQ-J0001')}`).expect(200)).body;
    expect(elsewhere).toMatchObject({ status: 'valid', certificate: { officeName: '大渡口区市场监督管理局', organizationName: '重庆大渡口钢构有限公司' } });
    expect(elsewhere.certificate.documentNumber).toBeUndefined();
    expect((await ctx.http.get('/public/certificates/2026DMQ-500103-J999').expect(200)).body).toEqual({ status: 'unknown' });
    expect((await ctx.http.get(`/public/certificates/${'X'.repeat(200)}`).expect(200)).body).toEqual({ status: 'unknown' });
    // The QR code's link opened in a browser gets the console's page, which reads the JSON above.
    if (existsSync(join(WEB_DIST, 'index.html'))) {
      const page = await ctx.http.get('/public/certificates/2026DMQ-500103-J001').set('Accept', 'text/html,application/xhtml+xml').expect(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
    }
    for (const body of [valid, revoked, elsewhere]) {
      const json = JSON.stringify(body);
      for (const secret of [...apps, other, ...enterprises.map((e) => e.uscc), ...enterprises.map((e) => e.organizationId), ...enterprises.map((e) => e.userId)]) expect(json).not.toContain(secret);
    }
  });

  it('publishes the 表彰名单 of an office only with its 表彰决定', async () => {
    const results = (await ctx.http.get('/public/offices/500103/results').expect(200)).body;
    expect(results).toEqual({
      office: { code: '500103', name: '渝中区市场监督管理局' },
      items: [
        {
          awardName: '区长质量管理奖',
          year: 2026,
          decision: { title: '关于表彰2026年度渝中区区长质量管理奖获奖企业的决定', documentNumber: '渝中府发〔2026〕12号', decidedOn: '2026-03-01' },
          winners: [
            { organizationName: '重庆渝中精工机械有限公司', tierLabel: '获奖', certificateNumber: '2026DMQ-500103-J001', revoked: false },
            { organizationName: '重庆山城智能装备有限公司', tierLabel: '获奖', certificateNumber: '2026DMQ-500103-J002', revoked: true },
            { organizationName: '重庆解放碑食品有限公司', tierLabel: '提名奖', certificateNumber: '2026DMQ-500103-T001', revoked: false },
          ],
        },
      ],
    });
    const json = JSON.stringify(results);
    for (const secret of [...apps, cycleA, yuzhong, ...enterprises.map((e) => e.uscc), ...enterprises.map((e) => e.organizationId)]) expect(json).not.toContain(secret);
    // 大渡口 has a certificate but no 表彰决定 yet: nothing published.
    expect((await ctx.http.get('/public/offices/500104/results').expect(200)).body.items).toEqual([]);
    await ctx.http.get('/public/offices/999999/results').expect(404);
    await ctx.http.get('/public/offices/abc/results').expect(404);
    // cycleB and cycleC stay unpublished and their ids never appear.
    expect(json).not.toContain(cycleB);
    expect(json).not.toContain(cycleC);
  });
});
