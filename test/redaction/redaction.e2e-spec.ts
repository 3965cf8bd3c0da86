import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { samplePdf } from '../../libs/applications/src/testing/material-fixtures';
import { Enterprise, openCycle, QUALITY_REQUIRED, qualityForm, registerEnterprise } from '../support/award-fixtures';
import { act, intoExpertReview, publishPublicity, Reviewer, reviewerPool, scoreSheet, stateOf, waitForState } from '../support/review-fixtures';
import { waitFor } from '../support/throwaway-redis';
import { createUser, startTestApp, TestContext } from '../support/test-app';
import { binaryBody } from '../support/binary-body';

const AWARD = 'district-quality-award';
const UPLOAD_MARK = 'ACMEsecret';
const OBJECTOR = { name: '赵明异', phone: '13987654321', displayName: '异议人赵明异' };

/** A string (or pattern) that one audience must never receive, with what it is. */
interface Protected {
  what: string;
  match: string | RegExp;
  /** Routes that publish it by law (an organisation named in a 公示 is on the public page). */
  publishedOn?: RegExp;
}

interface Reader {
  name: string;
  token: string;
  protected: Protected[];
  /** Routes that must answer 200 for this reader, so the walk is not vacuous. */
  mustReach: string[];
}

interface Visit {
  route: string;
  url: string;
  status: number;
  haystack: string;
}

/**
 * Walks every GET route of the OpenAPI document as each audience of a blind 区长质量管理奖 cycle
 * that went through expert scoring, 现场评审, the panel vote and 公示 with an objection, and
 * searches every body and header for what that audience may not learn: the objector, the
 * panel's count, the applicant (for blind reviewers), uploaded file names, other enterprises'
 * scores. Routes come from the document, so a route added later is walked too.
 */
describe('nothing that identifies a protected person leaks, by any GET route', () => {
  let ctx: TestContext;
  let admin: string;
  let cycleId: string;
  let applicant: Enterprise; // A: through the panel into 公示, then objected to
  let competitor: Enterprise; // B: voted down by the panel
  let pending: Enterprise; // D: still before the panel
  let stranger: Enterprise; // C: no application in the cycle
  let apps: { a: string; b: string; d: string };
  let experts: Reviewer[];
  let panel: Array<{ id: string; token: string }>;
  let objector: { id: string; token: string; username: string };
  let recommender: { id: string; token: string }; // of the cycle's office: audience 'reviewer'
  let otherOfficeAdmin: { id: string; token: string }; // an admin of another office: audience 'public'
  let objectionId: string;
  let scores: { a: string; b: string };
  let expertAssignment: string; // the blind expert's assignment of A
  const candidates = new Map<string, string[]>();
  let receipts: string[];

  beforeAll(async () => {
    ctx = await startTestApp({ worker: true, env: { OUTBOX_POLL_INTERVAL_MS: '200', DEADLINE_SCHEDULE_INTERVAL_MS: '200' } });
    admin = await ctx.adminToken();
    applicant = await registerEnterprise(ctx, '重庆甲秘精密制造有限公司', { legalRepresentative: '钱法人' });
    competitor = await registerEnterprise(ctx, '重庆乙秘电子科技有限公司');
    pending = await registerEnterprise(ctx, '重庆丁秘食品有限公司');
    stranger = await registerEnterprise(ctx, '重庆丙秘无关有限公司');
    experts = await reviewerPool(ctx, 2);
    panel = [];
    for (let i = 0; i < 3; i++) panel.push(await createUser(ctx, { username: `panel${Date.now().toString(36)}${i}`, role: 'reviewer', displayName: `委员${i + 1}` }));
    const username = `objector${Date.now().toString(36)}`;
    objector = { ...(await createUser(ctx, { username, role: 'applicant', displayName: OBJECTOR.displayName })), username };
    cycleId = (
      await openCycle(ctx, {
        title: '渝中区区长质量管理奖 匿名评审',
        blindReview: true,
        reviewersPerApplication: 2,
        stagePlan: { defense: false, onsiteReview: true, publicityBeforePanel: false },
        panel: { quorum: 3 },
      })
    ).id;
    const [{ office_id: officeId }] = await ctx.dataSource.query(`SELECT office_id FROM cycles WHERE id = $1`, [cycleId]);
    const [{ id: otherOfficeId }] = await ctx.dataSource.query(`SELECT id FROM offices WHERE id <> $1 ORDER BY code LIMIT 1`, [officeId]);
    recommender = await createUser(ctx, { username: `recommender${Date.now().toString(36)}`, role: 'recommender', displayName: '重庆市质量协会', officeIds: [officeId] });
    otherOfficeAdmin = await createUser(ctx, { username: `otheradmin${Date.now().toString(36)}`, role: 'admin', displayName: '外区办公室', officeIds: [otherOfficeId] });

    // The applicant names itself in its narrative and in its file names, as enterprises do.
    const draft = async (e: Enterprise, marked: boolean) => {
      const form = qualityForm(marked ? { selfAssessment: { ...qualityForm().selfAssessment, leadership: `${e.name}（${e.uscc}）高层领导确立质量优先战略，法定代表人钱法人亲自推动。` } } : {});
      const res = await ctx.http.post('/applications').set('Authorization', e.token).send({ cycleId, form }).expect(201);
      for (const type of QUALITY_REQUIRED) {
        const filename = marked ? `${UPLOAD_MARK}-${e.name}-${type}.pdf` : `${type}.pdf`;
        await ctx.http.post(`/applications/${res.body.id}/attachments`).set('Authorization', e.token).field('documentType', type).attach('file', samplePdf(type), { filename, contentType: 'application/pdf' }).expect(201);
      }
      await intoExpertReview(ctx, e, res.body.id);
      return res.body.id as string;
    };
    apps = { a: await draft(applicant, true), b: await draft(competitor, false), d: await draft(pending, false) };

    // 资料评审: both experts score each application (the fractions give scores with decimals).
    const assignments = await waitFor(async () => {
      const rows: Array<{ id: string; application_id: string; reviewer_id: string }> = await ctx.dataSource.query(
        `SELECT id, application_id, reviewer_id FROM review_assignments WHERE cycle_id = $1 AND status = 'assigned' ORDER BY created_at`,
        [cycleId],
      );
      return rows.length === 6 ? rows : null;
    }, 30_000, 'six assignments');
    expertAssignment = assignments.find((a) => a.application_id === apps.a && a.reviewer_id === experts[0].id)!.id;
    const fraction: Record<string, number> = { [apps.a]: 0.613, [apps.b]: 0.527, [apps.d]: 0.701 };
    for (const a of assignments) {
      const expert = experts.find((e) => e.id === a.reviewer_id)!;
      await ctx.http.post(`/reviews/assignments/${a.id}/scores`).set('Authorization', expert.token).send(scoreSheet(AWARD, fraction[a.application_id] + experts.indexOf(expert) * 0.011)).expect(200);
    }
    for (const id of Object.values(apps)) await waitForState(ctx, id, 'shortlisting');
    const ranking: Array<{ applicationId: string; aggregated: number }> = (await ctx.http.get(`/cycles/${cycleId}/ranking`).set('Authorization', admin).expect(200)).body.items;
    scores = { a: String(ranking.find((r) => r.applicationId === apps.a)!.aggregated), b: String(ranking.find((r) => r.applicationId === apps.b)!.aggregated) };
    // Distinctive enough to search for: not a round number that a size or a count could equal.
    expect(scores.a).toMatch(/^\d+\.\d+$/);
    expect(scores.b).toMatch(/^\d+\.\d+$/);
    await ctx.http.post(`/cycles/${cycleId}/shortlist`).set('Authorization', admin).send({ top: 3 }).expect(200);

    // 现场评审: the office writes what it found, naming the company as people do.
    for (const [id, e] of [[apps.a, applicant], [apps.b, competitor], [apps.d, pending]] as const) {
      await act(ctx, admin, id, 'pass_onsite_review', { comment: `${e.name}现场查证与申报材料一致` });
    }

    // 评审委员会: A passes (3 of 3), B fails (1 approve, 1 reject, 1 abstain), D waits.
    await ctx.http.post(`/cycles/${cycleId}/panel`).set('Authorization', admin).send({ memberIds: panel.map((p) => p.id) }).expect(200);
    for (const p of panel) await ctx.http.post(`/applications/${apps.a}/votes`).set('Authorization', p.token).send({ vote: 'approve' }).expect(200);
    for (const [i, p] of panel.entries()) await ctx.http.post(`/applications/${apps.b}/votes`).set('Authorization', p.token).send({ vote: ['approve', 'reject', 'abstain'][i] }).expect(200);
    await ctx.http.post(`/applications/${apps.d}/votes`).set('Authorization', panel[0].token).send({ vote: 'approve' }).expect(200);
    await ctx.http.post(`/applications/${apps.a}/votes/close`).set('Authorization', admin).expect(200);
    await ctx.http.post(`/applications/${apps.b}/votes/close`).set('Authorization', admin).expect(200);
    expect(await stateOf(ctx, apps.a)).toBe('awaiting_publicity');
    expect(await stateOf(ctx, apps.b)).toBe('not_selected');
    const batch = await publishPublicity(ctx, admin, cycleId, [apps.a]);
    expect(await stateOf(ctx, apps.a)).toBe('publicity');

    // 公示: a real-name objection against A.
    const filed = await ctx.http
      .post(`/applications/${apps.a}/objections`)
      .set('Authorization', objector.token)
      .send({ objectorName: OBJECTOR.name, contactPhone: OBJECTOR.phone, content: '该企业申报材料中的关键绩效数据与实际经营情况不符，请核查。', evidence: '该企业2025年年度报告第12页' })
      .expect(201);
    objectionId = filed.body.id;
    expect(await stateOf(ctx, apps.a)).toBe('objection_review');
    // Evidence the objector also sent by post, scanned in by the office: its name names the objector.
    const scanned = await ctx.http
      .post(`/objections/${objectionId}/files`)
      .set('Authorization', admin)
      .attach('files', Buffer.from('%PDF-1.4\n% evidence\n'), { filename: `${OBJECTOR.name}的举报材料.pdf`, contentType: 'application/pdf' })
      .expect(201);

    // Every notice of these events is in the inboxes before the walk.
    const inboxHas = async (token: string, text: string) => ((await ctx.http.get('/notifications?pageSize=100').set('Authorization', token)).body.items ?? []).some((n: { title: string }) => n.title.includes(text));
    await waitFor(() => inboxHas(admin, '收到异议'), 30_000, 'the office told of the objection');
    await waitFor(() => inboxHas(competitor.token, '评审结果'), 30_000, 'B told it was not selected');
    await waitFor(() => inboxHas(applicant.token, '社会公示'), 30_000, 'A told of its 公示');

    // What a path parameter can be, by the segment before it (unknown ones get every id).
    const [allAssignments, attachments, users, offices] = await Promise.all([
      ctx.dataSource.query(`SELECT id FROM review_assignments WHERE cycle_id = $1`, [cycleId]),
      ctx.dataSource.query(`SELECT id FROM attachments WHERE application_id = ANY($1::uuid[])`, [Object.values(apps)]),
      ctx.dataSource.query(`SELECT id FROM users`),
      ctx.dataSource.query(`SELECT id, region_code FROM offices`),
    ]);
    receipts = (await ctx.dataSource.query(`SELECT receipt_number FROM applications WHERE id = ANY($1::uuid[])`, [Object.values(apps)])).map((r: { receipt_number: string }) => r.receipt_number);
    expect(receipts).toHaveLength(3);
    candidates.set('applications', Object.values(apps));
    candidates.set('cycles', [cycleId]);
    candidates.set('years', ['2025']);
    candidates.set('organizations', [applicant, competitor, pending, stranger].map((e) => e.organizationId));
    candidates.set('assignments', allAssignments.map((r: { id: string }) => r.id));
    candidates.set('attachments', attachments.map((r: { id: string }) => r.id));
    candidates.set('objections', [objectionId]);
    candidates.set('fileId', scanned.body.files.map((f: { id: string }) => f.id));
    candidates.set('batchId', [batch.id]);
    // 老字号 复核 rounds are an office's own (this quality cycle has none): an id nobody has, refused alike to all.
    candidates.set('rechecks', ['00000000-0000-4000-8000-000000000017']);
    // A quality cycle has no 推荐 stage: no letter exists, and any id is a 404 for everyone.
    candidates.set('letterId', ['00000000-0000-4000-8000-000000000000']);
    candidates.set('users', users.map((r: { id: string }) => r.id));
    // Offices by id, and by division code (the public 表彰名单).
    candidates.set('offices', [...offices.map((r: { id: string }) => r.id), ...offices.map((r: { region_code: string }) => r.region_code)]);
    // Public verification: a number nobody was given.
    candidates.set('certificates', ['2025DMQ-500103-J001']);
    candidates.set('awards', [AWARD]);
    candidates.set('n', ['1', '2', '3', '4']);
  }, 240_000);
  afterAll(async () => ctx?.close());

  /** The objector, the panel's count, and what identifies one enterprise. */
  const objectorStrings = (): Protected[] => [
    { what: "the objector's name", match: OBJECTOR.name },
    { what: "the objector's phone", match: OBJECTOR.phone },
    { what: "the objector's user id", match: objector.id },
    { what: "the objector's account", match: objector.username },
  ];
  const tally: Protected[] = [
    { what: 'the vote count (text)', match: /同意\s*\d+\s*[，,]\s*反对/ },
    { what: 'the vote count (payload)', match: /"(abstain|reject)"\s*:\s*\d/ },
  ];
  const identityOf = (e: Enterprise, label: string): Protected[] => [
    // A is named in the 公示 (published above), so its name is on the public pages — and only there.
    { what: `${label}'s name`, match: e.name, ...(e === applicant ? { publishedOn: /^\/public\// } : {}) },
    { what: `${label}'s credit code`, match: e.uscc },
    { what: `${label}'s organisation id`, match: e.organizationId },
    { what: `${label}'s user id`, match: e.userId },
    ...(e === applicant ? [{ what: `${label}'s legal representative`, match: '钱法人' }] : []),
  ];
  /** What only the applications themselves say: receipt numbers, A's narrative, the office's 现场评审 findings. */
  const applicationContent = (): Protected[] => [
    ...receipts.map((r, i) => ({ what: `receipt number ${i + 1}`, match: r })),
    { what: "A's narrative", match: '高层领导确立质量优先战略' },
    { what: 'the 现场评审 findings', match: '现场查证与申报材料一致' },
  ];
  /** The objection as filed: its phone and its text. */
  const objection = (): Protected[] => [
    { what: "the objector's phone", match: OBJECTOR.phone },
    { what: "the objection's text", match: '关键绩效数据与实际经营情况不符' },
    { what: "the objection's evidence", match: '2025年年度报告第12页' },
  ];
  /** The user ids of the experts and panel members (a 'reviewer' does not learn who else worked on it). */
  const othersIds = (): Protected[] => [...experts, ...panel].map((u, i) => ({ what: `expert or member ${i + 1}'s user id`, match: u.id }));
  const uploadNames: Protected[] = [{ what: "A's uploaded file names", match: UPLOAD_MARK }];
  const scoreOf = (key: 'a' | 'b', label: string): Protected => ({ what: `${label}'s score`, match: new RegExp(`(^|[^0-9.])${scores[key].replace('.', '\\.')}($|[^0-9])`) });

  const readers = (): Reader[] => [
    {
      name: 'enterprise A (objected to)',
      token: applicant.token,
      protected: [...objectorStrings(), ...tally, ...identityOf(competitor, 'B'), scoreOf('b', 'B')],
      mustReach: [`/applications/${apps.a}/history`, `/applications/${apps.a}/attachments`, `/applications/${apps.a}/objections`, '/notifications'],
    },
    {
      name: 'enterprise B (voted down)',
      token: competitor.token,
      protected: [...objectorStrings(), ...tally, ...identityOf(applicant, 'A'), ...uploadNames, scoreOf('a', 'A')],
      mustReach: [`/applications/${apps.b}/history`, '/notifications'],
    },
    {
      name: 'an unrelated enterprise',
      token: stranger.token,
      protected: [...objectorStrings(), ...tally, ...identityOf(applicant, 'A'), ...identityOf(competitor, 'B'), ...uploadNames, scoreOf('a', 'A'), scoreOf('b', 'B')],
      mustReach: ['/notifications'],
    },
    {
      name: 'an expert of the blind cycle',
      token: experts[0].token,
      protected: [...objectorStrings(), ...tally, ...identityOf(applicant, 'A'), ...identityOf(competitor, 'B'), ...uploadNames],
      mustReach: ['/reviews/assignments', `/reviews/assignments/${expertAssignment}/application`, `/reviews/assignments/${expertAssignment}/attachments/2/content`, '/notifications'],
    },
    {
      name: 'a panel member of the blind cycle',
      token: panel[0].token,
      protected: [...objectorStrings(), ...tally, ...identityOf(applicant, 'A'), ...identityOf(competitor, 'B'), ...identityOf(pending, 'D'), ...uploadNames],
      mustReach: ['/reviews/tasks'],
    },
    {
      // A recommender of the office reads as a 'reviewer': the applicant yes; the objector, the count, other people's ids no.
      name: 'a recommender of the office',
      token: recommender.token,
      protected: [...objectorStrings(), ...tally, ...othersIds()],
      mustReach: ['/notifications'],
    },
    {
      // An admin of another office is nobody to this cycle: it learns nothing of its applications. (Organisations
      // and accounts are one registry that every office administers, so their names alone are not protected here.)
      name: 'an admin of another office',
      token: otherOfficeAdmin.token,
      protected: [...applicationContent(), ...objection(), ...tally, ...uploadNames, scoreOf('a', 'A'), scoreOf('b', 'B')],
      mustReach: ['/notifications'],
    },
  ];

  async function walk(token: string): Promise<Visit[]> {
    const document = (await ctx.http.get('/docs/openapi.json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const visits: Visit[] = [];
    for (const [route, operations] of Object.entries(document.paths)) {
      if (!operations.get) continue;
      for (const url of expand(route)) {
        const res = await ctx.http
          .get(url)
          .set('Authorization', token)
          .buffer(true)
          .parse(binaryBody);
        const headers = JSON.stringify(res.headers);
        const body = (res.body as Buffer).toString('utf8');
        // An id the reader sent may come back (a 404 naming it): only what it did not send counts.
        const sent = url.split('/').filter((segment) => /^[0-9a-f-]{36}$/.test(segment));
        const haystack = sent.reduce((text, id) => text.split(id).join(''), [body, headers, decoded(body), decoded(headers)].join('\n'));
        visits.push({ route, url, status: res.status, haystack });
      }
    }
    return visits;
  }

  /** Every way to fill a route's path parameters from the prepared ids (capped). */
  function expand(route: string): string[] {
    const parts = route.split('/');
    let urls = [''];
    for (const [i, part] of parts.entries()) {
      if (i === 0) continue;
      const param = /^\{(.+)\}$/.exec(part)?.[1];
      const values = param ? (candidates.get(param) ?? candidates.get(parts[i - 1]) ?? [...new Set([...candidates.values()].flat())]) : [part];
      urls = urls.flatMap((u) => values.map((v) => `${u}/${encodeURIComponent(v)}`)).slice(0, 400);
    }
    return urls;
  }

  it('walks every GET route of the OpenAPI document with the prepared ids', async () => {
    const document = (await ctx.http.get('/docs/openapi.json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.keys(document.paths).filter((p) => document.paths[p].get);
    for (const route of ['/applications/{id}/history', '/applications/{id}/attachments', '/applications/{id}/attachments/{attachmentId}/content', '/reviews/tasks', '/reviews/assignments', '/notifications']) {
      expect(routes).toContain(route);
    }
    // Every path parameter has prepared values, so no route is skipped for want of an id.
    const unknown = routes.flatMap((r) => [...r.matchAll(/\{([^}]+)\}/g)].map((m) => ({ r, param: m[1], before: r.split('/')[r.split('/').indexOf(m[0]) - 1] })))
      .filter(({ param, before }) => !candidates.has(param) && !candidates.has(before));
    expect(unknown).toEqual([]);
  });

  it('the office reads all of it (the walk can find every protected string)', async () => {
    const visits = await walk(admin);
    expect(visits.filter((v) => v.status >= 500).map((v) => `${v.status} ${v.url}`)).toEqual([]);
    const all = visits.map((v) => v.haystack).join('\n');
    const everything: Protected[] = [...objectorStrings().slice(0, 2), tally[1], ...identityOf(applicant, 'A'), ...uploadNames, scoreOf('a', 'A'), scoreOf('b', 'B'), ...applicationContent(), ...objection(), ...othersIds()];
    for (const p of everything) expect({ what: p.what, found: matches(all, p.match) }).toEqual({ what: p.what, found: true });
  });

  it.each(['enterprise A (objected to)', 'enterprise B (voted down)', 'an unrelated enterprise', 'an expert of the blind cycle', 'a panel member of the blind cycle', 'a recommender of the office', 'an admin of another office'])('%s: no protected string in any body or header, and no 5xx', async (name) => {
    const reader = readers().find((r) => r.name === name)!;
    const visits = await walk(reader.token);
    expect(visits.filter((v) => v.status >= 500).map((v) => `${v.status} ${v.url}`)).toEqual([]);
    for (const url of reader.mustReach) expect({ url, status: visits.find((v) => v.url === url)?.status }).toEqual({ url, status: 200 });
    const leaks = visits.flatMap((v) => reader.protected.filter((p) => !p.publishedOn?.test(v.url) && matches(v.haystack, p.match)).map((p) => `${reader.name} reads ${p.what} in GET ${v.url} (${v.status})`));
    expect(leaks).toEqual([]);
  });

  it('the blind views still say what they must: neutral material names, the objection without its objector', async () => {
    const view = (await ctx.http.get(`/reviews/assignments/${expertAssignment}/application`).set('Authorization', experts[0].token).expect(200)).body;
    expect(view.materials.map((m: { name: string }) => m.name)).toEqual(['材料1-申报书.pdf', '材料2-自评报告.pdf', '材料3-营业执照（副本）.pdf', '材料4-无重大质量、安全、环保事故承诺书.pdf']);
    expect(view.form.selfAssessment.leadership).toContain('〔已隐去〕');
    const listed = (await ctx.http.get(`/applications/${apps.a}/attachments`).set('Authorization', admin).expect(200)).body;
    expect(listed[0]).toMatchObject({ n: 1, name: expect.stringContaining(UPLOAD_MARK), originalName: expect.stringContaining(UPLOAD_MARK) });

    const history = (await ctx.http.get(`/applications/${apps.a}/history`).set('Authorization', applicant.token).expect(200)).body;
    expect(history.chainValid).toBe(true);
    expect(history.entries.find((e: { action: string }) => e.action === 'file_objection')).toMatchObject({ actorRole: 'objector', actorId: null, comment: null });
    const objections = (await ctx.http.get(`/applications/${apps.a}/objections`).set('Authorization', applicant.token).expect(200)).body;
    expect(objections).toEqual([expect.objectContaining({ id: objectionId, status: 'open' })]);
    const office = (await ctx.http.get(`/applications/${apps.a}/objections`).set('Authorization', admin).expect(200)).body;
    expect(office).toEqual([expect.objectContaining({ objectorName: OBJECTOR.name, contactPhone: OBJECTOR.phone })]);
    // The office keeps the count, in the chained history.
    const officeHistory = (await ctx.http.get(`/applications/${apps.b}/history`).set('Authorization', admin).expect(200)).body;
    expect(officeHistory.entries.at(-1)).toMatchObject({ action: 'close_panel_vote', payload: { approve: 1, reject: 1, abstain: 1, votePassed: false }, hash: expect.any(String) });
  });

  // Last: it opens the cycle's identities to its reviewers (and closes them again), which the blind walks above must not see.
  it('an expert of the same cycle made non-blind reads the applicant, but not the objector, the count or who else worked on it', async () => {
    await ctx.dataSource.query(`UPDATE cycles SET blind_review = false WHERE id = $1`, [cycleId]);
    try {
      const expert = experts[0];
      const view = (await ctx.http.get(`/reviews/assignments/${expertAssignment}/application`).set('Authorization', expert.token).expect(200)).body;
      // The audience really is 'reviewer' now: the applicant and its file names are there.
      expect(JSON.stringify(view)).toContain(applicant.name);
      expect(JSON.stringify(view)).toContain(UPLOAD_MARK);
      const protectedStrings = [...objectorStrings(), ...tally, ...othersIds().filter((p) => p.match !== expert.id)];
      const visits = await walk(expert.token);
      expect(visits.filter((v) => v.status >= 500).map((v) => `${v.status} ${v.url}`)).toEqual([]);
      for (const url of ['/reviews/assignments', `/reviews/assignments/${expertAssignment}/application`, '/notifications']) expect({ url, status: visits.find((v) => v.url === url)?.status }).toEqual({ url, status: 200 });
      const leaks = visits.flatMap((v) => protectedStrings.filter((p) => matches(v.haystack, p.match)).map((p) => `a non-blind expert reads ${p.what} in GET ${v.url} (${v.status})`));
      expect(leaks).toEqual([]);
    } finally {
      await ctx.dataSource.query(`UPDATE cycles SET blind_review = true WHERE id = $1`, [cycleId]);
    }
  });
});

function matches(haystack: string, match: string | RegExp): boolean {
  return typeof match === 'string' ? haystack.includes(match) : match.test(haystack);
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/(%[0-9A-F]{2})+/gi, (m) => {
      try {
        return decodeURIComponent(m);
      } catch {
        return m;
      }
    });
  }
}
