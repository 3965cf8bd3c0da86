import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { getAward } from '../../libs/awards/src';
import { PasswordHasher } from '../../libs/identity/src/auth/password-hasher';
import { seedOffices } from '../../libs/identity/src/seed/seed-offices';
import { Enterprise, readyApplication, registerEnterprise } from '../support/award-fixtures';
import { act, publishPublicity, scoreSheet, stateOf, waitForState } from '../support/review-fixtures';
import { endWindow } from '../support/end-window';
import { createUser, startTestApp, TestContext } from '../support/test-app';
import { waitFor } from '../support/throwaway-redis';
import { CHROMIUM, closeSpec, ConsoleServer, PAGE_TIMEOUT, consoleContext, ensureWebBuild, ROOT, serveConsole } from './console-host';

const DISTRICT_AWARD = 'district-quality-award';
const CITY_AWARD = 'city-quality-award';
const PASSWORD = 'office-password-1';
/** Bounds, not waits: what a step or a page action may take on a busy machine before it fails. */
const STEP_TIMEOUT = 600_000;
/** Districts set up at once: the API and Postgres overlap one district's requests with another's. */
const CONCURRENCY = 4;
/** The districts whose admins also sign in on the console (a 市辖区, 渝中 with its recommendation, a 自治县). */
const IN_THE_BROWSER = ['500101', '500103', '500240'];
const YUZHONG = '500103';
const WANZHOU = '500101';
const SCREENSHOTS = join(ROOT, 'test-results', 'web-offices');

interface Office {
  id: string;
  code: string;
  name: string;
  divisionCode: string;
  parentId: string | null;
}

/** One 区县 office with its own admin, its own cycle and an application of its own enterprise. */
interface District {
  office: Office;
  /** 万州区, 石柱土家族自治县 … */
  short: string;
  admin: { id: string; username: string; token: string };
  cycle: { id: string; title: string };
  enterprise: Enterprise;
  applicationId: string;
}

/**
 * Argon2 at its production cost takes ~0.2 s a hash and a verify on this machine; 38 admins, 38
 * enterprises and their sign-ins would spend half a minute in it. All of them share one password, so
 * the test hashes it once and reuses the hash, and verifies each (hash, password) pair once: still
 * argon2id at the product's cost, asked fewer times. The product's own hasher is unchanged.
 */
function hashOncePerPassword(ctx: TestContext): { asked: number; computed: number } {
  const counts = { asked: 0, computed: 0 };
  const hasher = ctx.api.get(PasswordHasher, { strict: false });
  const hash = hasher.hash.bind(hasher);
  const verify = hasher.verify.bind(hasher);
  const hashes = new Map<string, Promise<string>>();
  const verified = new Map<string, Promise<boolean>>();
  hasher.hash = (password: string) => {
    counts.asked++;
    if (!hashes.has(password)) {
      counts.computed++;
      hashes.set(password, hash(password));
    }
    return hashes.get(password)!;
  };
  hasher.verify = (stored: string | undefined, password: string) => {
    counts.asked++;
    const key = `${stored}\u0000${password}`;
    if (!stored || !verified.has(key)) counts.computed++;
    if (!stored) return verify(stored, password);
    if (!verified.has(key)) verified.set(key, verify(stored, password));
    return verified.get(key)!;
  };
  return counts;
}

/** Runs `fn` over `items`, `limit` at a time, in order of the items. */
async function inBatches<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i], i);
      }
    }),
  );
  return results;
}

/** The award's own eligibility rules, with the region the office's division (a 区县's enterprises apply to their 区县). */
function eligibilityFor(awardCode: string, divisionCode: string) {
  return getAward(awardCode).defaultEligibility.map((r) => (r.rule === 'region' ? { rule: 'region', params: { allowedPrefixes: [divisionCode] } } : r));
}

/**
 * The 38 区县 offices the seed creates, side by side: each gets its own admin and runs a small cycle
 * of its own (an enterprise of the district applies, submits, and the office closes the window into
 * 形式审查); 渝中 runs one through to the award and recommends it up to the city. Then each district
 * admin sees its own office's cycle, applications, offices and audit and nothing of a neighbour's
 * (through the API for all 38, on the console for three); the city's admin sees the city's own
 * application and the one recommended up to it, and manages the tree on 机构管理.
 */
describe('38 district offices side by side (headless Chromium)', () => {
  let ctx: TestContext;
  let server: ConsoleServer;
  let browser: Browser;
  let city: Office;
  let offices: Office[];
  const districts: District[] = [];
  const contexts: BrowserContext[] = [];
  const consoleErrors: string[] = [];
  const allowedHttpErrors = new Set<number>();
  let cityAdmin: { id: string; username: string; token: string };
  let cityCycle: { id: string; title: string };
  let cityOwn: { enterprise: Enterprise; applicationId: string };
  let recommendedId: string;
  let yuzhongExpertId: string;
  const timings: string[] = [];
  let argon2: { asked: number; computed: number } | undefined;

  const timed = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    const result = await fn();
    timings.push(`${what}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return result;
  };

  async function adminOf(office: Office, username: string, displayName: string) {
    const user = await createUser(ctx, { username, password: PASSWORD, role: 'admin', displayName, officeIds: [office.id], email: `${username}@example.cn` });
    return { ...user, username };
  }

  async function createCycle(token: string, office: Office, awardCode: string, title: string) {
    const created = await ctx.http
      .post('/cycles')
      .set('Authorization', token)
      .send({
        awardCode,
        officeId: office.id,
        year: 2026,
        title,
        applicationOpensAt: '2026-01-01',
        applicationClosesAt: '2099-12-31',
        quota: { awards: 1, secondTier: { label: '提名奖', count: 1 } },
        reviewersPerApplication: 1,
        stagePlan: { defense: false, onsiteReview: false, publicityBeforePanel: true },
        panel: { quorum: 1 },
        eligibility: eligibilityFor(awardCode, office.divisionCode === '500000' ? '50' : office.divisionCode),
      });
    if (created.status !== 201) throw new Error(`create cycle ${title}: ${created.status} ${JSON.stringify(created.body)}`);
    await ctx.http.post(`/cycles/${created.body.id}/open`).set('Authorization', token).expect(200);
    return { id: created.body.id as string, title };
  }

  const get = async (token: string, path: string, query: Record<string, unknown> = {}) => (await ctx.http.get(path).query(query).set('Authorization', token).expect(200)).body;

  /** One district's small cycle, through the API as its own admin and its enterprise. */
  async function runDistrict(office: Office): Promise<District> {
    const short = office.name.replace(/^重庆市/, '').replace(/市场监督管理局$/, '');
    const admin = await adminOf(office, `admin-${office.divisionCode}`, `${short}评奖办公室`);
    const cycle = await createCycle(admin.token, office, DISTRICT_AWARD, `2026年度${short}质量管理奖`);
    const enterprise = await registerEnterprise(ctx, `重庆${short}示范精密制造有限公司`, { regionCode: office.divisionCode });
    const applicationId = await readyApplication(ctx, enterprise, cycle.id);
    expect((await act(ctx, enterprise.token, applicationId, 'submit')).state).toBe('submitted');
    const closed = await ctx.http.post(`/cycles/${cycle.id}/close`).set('Authorization', admin.token).expect(200);
    expect(closed.body.movedToReview).toBe(1);
    return { office, short, admin, cycle, enterprise, applicationId };
  }

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
    rmSync(SCREENSHOTS, { recursive: true, force: true });
    mkdirSync(SCREENSHOTS, { recursive: true });
    ensureWebBuild();
    ctx = await startTestApp({ worker: true, env: { OUTBOX_POLL_INTERVAL_MS: '200', DEADLINE_SCHEDULE_INTERVAL_MS: '100' } });
    argon2 = hashOncePerPassword(ctx);
    server = await serveConsole(ctx);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await closeSpec({ contexts, browser, server, ctx });
    if (timings.length) console.log(`offices browser spec: ${timings.join('; ')}; argon2 hashes and verifies asked ${argon2?.asked}, computed ${argon2?.computed}`);
  });

  it('the seed gives 重庆市市场监督管理局 and its 38 区县; each runs a small cycle of its own with its own admin', async () => {
    await timed('seed offices', () => seedOffices(ctx.dataSource));
    const page = await get(await ctx.adminToken(), '/offices', { pageSize: 100 });
    offices = page.items;
    expect(offices).toHaveLength(39);
    city = offices.find((o) => o.divisionCode === '500000')!;
    const districtOffices = offices.filter((o) => o.parentId === city.id);
    expect(districtOffices).toHaveLength(38);

    districts.push(...(await timed('38 districts: admin, cycle, enterprise, application submitted, window closed', () => inBatches(districtOffices, CONCURRENCY, runDistrict))));
    for (const d of districts) {
      const mine = await get(d.admin.token, `/applications/${d.applicationId}`);
      expect(mine).toMatchObject({ state: 'formal_review', cycleId: d.cycle.id });
    }

    // 万州 passes 形式审查 with nobody in its pool: the worker flags it for 万州's office (待分配专家).
    const wanzhou = districts.find((d) => d.office.divisionCode === WANZHOU)!;
    await act(ctx, wanzhou.admin.token, wanzhou.applicationId, 'pass_formal_review');
    await waitFor(
      async () => ((await get(wanzhou.admin.token, '/reviews/flags')).items as Array<{ applicationId: string }>).some((f) => f.applicationId === wanzhou.applicationId),
      30_000,
      "万州's 待分配专家 flag",
    );
  }, STEP_TIMEOUT);

  it('渝中 takes its application through to the award and recommends it into the city cycle; the city has one of its own too', async () => {
    const yz = districts.find((d) => d.office.divisionCode === YUZHONG)!;
    cityAdmin = await adminOf(city, 'admin-500000', '市评奖办公室');
    cityCycle = await createCycle(cityAdmin.token, city, CITY_AWARD, '2026年度重庆市市长质量管理奖');
    const direct = await registerEnterprise(ctx, '重庆市直属示范装备制造有限公司', { regionCode: '500112' });
    const directId = await readyApplication(ctx, direct, cityCycle.id);
    await act(ctx, direct.token, directId, 'submit');
    cityOwn = { enterprise: direct, applicationId: directId };

    await timed('渝中 through to the award and up to the city', async () => {
      // 渝中's own expert, in 渝中's pool: the worker assigns it.
      const expert = await createUser(ctx, { username: 'expert-500103', password: PASSWORD, role: 'reviewer', displayName: '渝中专家', officeIds: [yz.office.id], email: 'expert-500103@example.cn' });
      await ctx.http.post('/reviews/reviewers').set('Authorization', yz.admin.token).send({ userId: expert.id, expertise: ['C'], ties: [] }).expect(201);
      yuzhongExpertId = expert.id;
      await act(ctx, yz.admin.token, yz.applicationId, 'pass_formal_review');
      const [assignment] = await waitFor(
        async () => {
          const rows = (await get(yz.admin.token, `/reviews/applications/${yz.applicationId}/assignments`)) as Array<{ id: string; status: string }>;
          return rows.length === 1 ? rows : null;
        },
        30_000,
        "渝中's expert assignment",
      );
      await ctx.http.post(`/reviews/assignments/${assignment.id}/scores`).set('Authorization', expert.token).send(scoreSheet(DISTRICT_AWARD, 0.8)).expect(200);
      await waitForState(ctx, yz.applicationId, 'shortlisting');
      await ctx.http.post(`/cycles/${yz.cycle.id}/shortlist`).set('Authorization', yz.admin.token).send({ top: 1 }).expect(200);
      await waitForState(ctx, yz.applicationId, 'awaiting_publicity');
      await publishPublicity(ctx, yz.admin.token, yz.cycle.id);
      await endWindow(ctx, yz.applicationId, 'publicity_end');
      await waitForState(ctx, yz.applicationId, 'panel');
      await ctx.http.post(`/cycles/${yz.cycle.id}/panel`).set('Authorization', yz.admin.token).send({ memberIds: [expert.id] }).expect(200);
      await ctx.http.post(`/applications/${yz.applicationId}/votes`).set('Authorization', expert.token).send({ vote: 'approve' }).expect(200);
      await ctx.http.post(`/applications/${yz.applicationId}/votes/close`).set('Authorization', yz.admin.token).expect(200);
      expect((await act(ctx, yz.admin.token, yz.applicationId, 'approve')).state).toBe('awarded');
      const recommended = await ctx.http
        .post(`/applications/${yz.applicationId}/recommend`)
        .set('Authorization', yz.admin.token)
        .send({ cycleId: cityCycle.id, comment: '区长质量管理奖获奖单位，推荐申报市长质量管理奖' })
        .expect(201);
      recommendedId = recommended.body.id;
      await act(ctx, yz.enterprise.token, recommendedId, 'submit');
    });
    expect(await stateOf(ctx, recommendedId)).toBe('submitted');
  }, STEP_TIMEOUT);

  it("each of the 38 district admins sees its own office's cycle, applications, offices and audit, and nothing of a neighbour's (API)", async () => {
    await timed('isolation checks through the API, 38 admins', async () => {
      for (const [i, d] of districts.entries()) {
        const neighbour = districts[(i + 1) % districts.length];
        const applications = await get(d.admin.token, '/applications', { pageSize: 100 });
        expect(applications.total).toBe(1);
        expect(applications.items.map((a: { id: string }) => a.id)).toEqual([d.applicationId]);
        expect(applications.items[0]).toMatchObject({ cycleId: d.cycle.id, organization: expect.objectContaining({ name: d.enterprise.name }) });
        // Filtering by a neighbour's cycle finds nothing either.
        expect((await get(d.admin.token, '/applications', { cycleId: neighbour.cycle.id })).total).toBe(0);

        // Its own cycle, and the city's running one it recommends into; never a neighbour's.
        const cycles = (await get(d.admin.token, '/cycles')).items as Array<{ id: string; officeId: string }>;
        expect(cycles.map((c) => c.id).sort()).toEqual([d.cycle.id, cityCycle.id].sort());

        // People: its own office's staff (and the enterprises' accounts, which belong to no office); no neighbour's admin.
        const people = (await get(d.admin.token, '/users?pageSize=200')).items as Array<{ username: string; officeIds: string[] }>;
        expect(people.map((u) => u.username)).toContain(d.admin.username);
        expect(people.map((u) => u.username)).not.toContain(neighbour.admin.username);
        expect(people.filter((u) => u.officeIds.length && !u.officeIds.includes(d.office.id))).toEqual([]);

        // The expert pool and the applications waiting for experts are the office's own.
        const pool = (await get(d.admin.token, '/reviews/reviewers')).items as Array<{ userId: string }>;
        expect(pool.map((r) => r.userId)).toEqual(d.office.divisionCode === YUZHONG ? [yuzhongExpertId] : []);
        const flags = (await get(d.admin.token, '/reviews/flags')).items as Array<{ applicationId: string }>;
        expect(flags.map((f) => f.applicationId)).toEqual(d.office.divisionCode === WANZHOU ? [d.applicationId] : []);

        const own = await get(d.admin.token, '/offices');
        expect(own.items.map((o: Office) => o.id)).toEqual([d.office.id]);

        // The neighbour's cycle, application and office are unknown to this admin, as missing ones are.
        await ctx.http.get(`/applications/${neighbour.applicationId}`).set('Authorization', d.admin.token).expect(404);
        await ctx.http.get(`/cycles/${neighbour.cycle.id}`).set('Authorization', d.admin.token).expect(404);
        await ctx.http.get(`/offices/${neighbour.office.id}`).set('Authorization', d.admin.token).expect(404);
        await ctx.http.post(`/cycles/${neighbour.cycle.id}/close`).set('Authorization', d.admin.token).expect(404);

        // Its audit names its own cycle and application, and no neighbour's.
        const audit = (await get(d.admin.token, '/audit', { entityType: 'cycle', pageSize: 100 })).items as Array<{ entityId: string }>;
        const seen = new Set(audit.map((r) => r.entityId));
        expect(seen).toEqual(new Set([d.cycle.id]));
      }
    });
  }, STEP_TIMEOUT);

  it("the city's admin sees the city's own application and the one 渝中 recommended up to it, and none of the districts' own (API)", async () => {
    const applications = await get(cityAdmin.token, '/applications', { pageSize: 100 });
    expect(applications.items.map((a: { id: string }) => a.id).sort()).toEqual([cityOwn.applicationId, recommendedId].sort());
    const yz = districts.find((d) => d.office.divisionCode === YUZHONG)!;
    expect(applications.items.find((a: { id: string }) => a.id === recommendedId)).toMatchObject({ recommendedFromId: yz.applicationId, state: 'submitted' });
    expect(((await get(cityAdmin.token, '/cycles')).items as Array<{ id: string }>).map((c) => c.id)).toEqual([cityCycle.id]);
    for (const d of districts) await ctx.http.get(`/applications/${d.applicationId}`).set('Authorization', cityAdmin.token).expect(404);
    // It manages the tree: the city and its 38 区县, and their people.
    const people = ((await get(cityAdmin.token, '/users?pageSize=200')).items as Array<{ username: string }>).map((u) => u.username);
    for (const d of districts) expect(people).toContain(d.admin.username);
    expect((await get(cityAdmin.token, '/offices', { pageSize: 100 })).total).toBe(39);
  }, STEP_TIMEOUT);

  describe('on the console', () => {
    let shot = 0;
    const screenshot = async (page: Page, name: string) => {
      shot++;
      await page.screenshot({ path: join(SCREENSHOTS, `${String(shot).padStart(2, '0')}-${name}.png`), fullPage: true });
    };

    const opened: Array<{ who: string; page: Page }> = [];
    /** A browser step: when it fails, every page open is photographed (FAILED-*.png) to show why. */
    const photographed = (fn: () => Promise<void>) => async () => {
      try {
        await fn();
      } catch (error) {
        for (const { who, page } of opened) {
          if (!page.isClosed()) await page.screenshot({ path: join(SCREENSHOTS, `FAILED-${String(shot).padStart(2, '0')}-${who}.png`), fullPage: true }).catch(() => undefined);
        }
        throw error;
      }
    };

    async function signedIn(who: string, username: string): Promise<Page> {
      const context = await consoleContext(browser);
      contexts.push(context);
      const page = await context.newPage();
      opened.push({ who, page });
      page.setDefaultTimeout(PAGE_TIMEOUT);
      page.on('console', (m) => {
        if (m.type() !== 'error') return;
        const status = /status of (\d{3})/.exec(m.text());
        if (status && allowedHttpErrors.has(Number(status[1]))) return;
        consoleErrors.push(`[${who}] ${page.url()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => consoleErrors.push(`[${who}] ${page.url()}: pageerror ${e.message}`));
      await page.goto(`${server.baseUrl}/login`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(PASSWORD);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.getByTestId('current-user').waitFor();
      return page;
    }

    it.each(IN_THE_BROWSER)('the admin of %s sees its own cycle and application and not a neighbour’s, and only its own office on 机构管理', (division) => photographed(async () => {
      const i = districts.findIndex((d) => d.office.divisionCode === division);
      const d = districts[i];
      const neighbour = districts[(i + 1) % districts.length];
      const page = await signedIn(d.short, d.admin.username);

      await page.goto(`${server.baseUrl}/office/applications`);
      await page.getByRole('cell', { name: d.enterprise.name }).waitFor();
      await page.getByRole('cell', { name: d.cycle.title }).first().waitFor();
      expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
      expect(await page.content()).not.toContain(neighbour.enterprise.name);
      await screenshot(page, `${division}-applications`);

      await page.goto(`${server.baseUrl}/office/cycles`);
      await page.getByRole('link', { name: d.cycle.title }).waitFor();
      await page.getByRole('link', { name: cityCycle.title }).waitFor();
      expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(2);
      expect(await page.content()).not.toContain(neighbour.cycle.title);

      await page.getByRole('menuitem', { name: '机构管理' }).click();
      await page.waitForURL(/\/office\/offices$/);
      await page.getByTestId(`office-node-${division}`).waitFor();
      await page.getByTestId('office-name').filter({ hasText: d.office.name }).waitFor();
      expect(await page.locator('[data-testid^="office-node-"]').count()).toBe(1);
      expect(await page.content()).not.toContain(neighbour.office.name.replace(/^重庆市/, ''));
      // Its own admin is a member of its office.
      await page.getByTestId('office-members').getByRole('cell', { name: d.admin.username, exact: true }).waitFor();
      await screenshot(page, `${division}-offices`);
    })(), STEP_TIMEOUT);

    it("the city's admin sees the city's own and the recommended application, and manages the tree: a refused office with the server's reasons, a new one, its members", photographed(async () => {
      const yz = districts.find((d) => d.office.divisionCode === YUZHONG)!;
      const page = await signedIn('city', cityAdmin.username);
      await page.goto(`${server.baseUrl}/office/applications`);
      await page.getByRole('cell', { name: cityOwn.enterprise.name }).waitFor();
      await page.getByRole('cell', { name: yz.enterprise.name }).waitFor();
      expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(2);
      for (const d of districts.filter((x) => x !== yz)) expect(await page.content()).not.toContain(d.enterprise.name);
      await screenshot(page, 'city-applications');

      await page.getByRole('menuitem', { name: '机构管理' }).click();
      await page.getByTestId('office-node-500000').waitFor();
      // The city above its 38 区县, each with its division code.
      expect(await page.locator('[data-testid^="office-node-"]').count()).toBe(39);
      await page.getByTestId('office-node-500240').filter({ hasText: '石柱土家族自治县' }).waitFor();
      await screenshot(page, 'city-office-tree');

      // Taken division and code: the server's reasons, in Chinese, beside the fields.
      const create = page.getByTestId('create-office');
      allowedHttpErrors.add(400);
      await create.getByLabel('机构名称').fill('重庆市测试新区市场监督管理局');
      await create.getByLabel('行政区划代码').fill('500101');
      await create.getByLabel('机构代码').fill('CQ-500102');
      await create.getByLabel('上级机构').click();
      await page.keyboard.type('500000');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '重庆市市场监督管理局（500000）' }).click();
      await create.getByRole('button', { name: '新建机构' }).click();
      await create.getByTestId('error-alert').filter({ hasText: '该行政区划已有办公室「重庆市万州区市场监督管理局」' }).waitFor();
      await create.getByTestId('error-alert').filter({ hasText: '已被「重庆市涪陵区市场监督管理局」使用' }).waitFor();
      // A division outside the parent's.
      await create.getByLabel('行政区划代码').fill('510104');
      await create.getByLabel('机构代码').fill('CQ-TEST');
      await create.getByRole('button', { name: '新建机构' }).click();
      await create.getByTestId('error-alert').filter({ hasText: '须在上级办公室的行政区划（500000）之内' }).waitFor();
      await screenshot(page, 'city-office-refused');
      allowedHttpErrors.delete(400);

      await create.getByLabel('行政区划代码').fill('500199');
      await create.getByRole('button', { name: '新建机构' }).click();
      await page.getByTestId('office-node-500199').waitFor();
      await page.getByTestId('office-name').filter({ hasText: '重庆市测试新区市场监督管理局' }).waitFor();
      const created = (await get(cityAdmin.token, '/offices', { pageSize: 100 })).items.find((o: Office) => o.divisionCode === '500199');
      expect(created).toMatchObject({ parentId: city.id, code: 'CQ-TEST' });

      // Members: the new office's first admin joins and leaves again.
      const newcomer = await createUser(ctx, { username: 'admin-500199', password: PASSWORD, role: 'admin', displayName: '测试新区管理员', officeIds: [city.id], email: 'admin-500199@example.cn' });
      await page.reload();
      await page.getByTestId('office-node-500199').click();
      await page.getByTestId('office-name').filter({ hasText: '重庆市测试新区市场监督管理局' }).waitFor();
      await page.getByTestId('member-candidate').click();
      await page.keyboard.type('admin-500199');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'admin-500199' }).click();
      await page.getByTestId('add-member').click();
      const row = page.getByTestId('office-members').getByRole('row').filter({ hasText: 'admin-500199' });
      await row.waitFor();
      const me = (await ctx.http.get('/auth/me').set('Authorization', newcomer.token).expect(200)).body;
      expect(me.officeIds).toContain(created.id);
      await screenshot(page, 'city-office-member-added');
      await row.getByRole('button', { name: '移出' }).click();
      // A click that lands while the confirmation is still opening can be lost: clicked again until it closes.
      const confirmation = page.locator('.ant-popconfirm:visible');
      await confirmation.waitFor();
      for (let attempt = 1; ; attempt++) {
        await confirmation.getByRole('button', { name: '移出' }).click({ timeout: 15_000 }).catch(() => undefined);
        if (await confirmation.waitFor({ state: 'hidden', timeout: 15_000 }).then(() => true, () => false)) break;
        if (attempt === 5) throw new Error('the confirmation to take admin-500199 out is still open after 5 clicks');
      }
      await row.waitFor({ state: 'detached' });
      expect((await ctx.http.get('/auth/me').set('Authorization', newcomer.token).expect(200)).body.officeIds).not.toContain(created.id);
    }), STEP_TIMEOUT);

    it('rendered every page without console errors', () => {
      expect(consoleErrors).toEqual([]);
    });
  });
});
