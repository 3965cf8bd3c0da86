import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { validUscc } from '../support/award-fixtures';
import { createUser, startTestApp, TestContext } from '../support/test-app';

interface FieldError {
  field: string;
  messages: string[];
}

/** One 400 names every bad field of a registration, the credit code included, in Chinese; nothing is written. */
describe('registering an organisation', () => {
  let ctx: TestContext;
  let admin: string;
  let seq = 0;

  beforeAll(async () => {
    ctx = await startTestApp();
    admin = await ctx.adminToken();
  });
  afterAll(() => ctx.close());

  const body = (overrides: Record<string, unknown> = {}) => ({
    name: '重庆登记测试有限公司',
    uscc: validUscc(),
    regionCode: '500103',
    address: '重庆市渝中区解放碑民族路 1 号',
    legalRepresentative: '张三',
    contact: { name: '王经理', phone: '023-63000000' },
    foundedAt: '2010-03-01',
    industry: 'C3825',
    ...overrides,
  });
  const applicant = async () => (await createUser(ctx, { username: `reg.user${++seq}`, role: 'applicant' })).token;
  const organizations = async () => (await ctx.dataSource.query(`SELECT count(*)::int AS n FROM organizations`))[0].n as number;
  const byField = (errors: FieldError[]) => Object.fromEntries(errors.map((e) => [e.field, e.messages]));

  it('refuses a registration without a contact, naming it', async () => {
    const { contact: _contact, ...withoutContact } = body();
    const before = await organizations();
    const res = await ctx.http.post('/organizations').set('Authorization', await applicant()).send(withoutContact).expect(400);
    expect(res.body.errors).toEqual([{ field: 'contact', label: '联系人信息', messages: ['未填写'] }]);
    expect(await organizations()).toBe(before);
  });

  it('names every bad field in one answer, the credit code with the rest, each message in Chinese', async () => {
    const before = await organizations();
    const res = await ctx.http
      .post('/organizations')
      .set('Authorization', await applicant())
      .send({ ...body({ uscc: '91350100M000100Y44', regionCode: '5001', foundedAt: '2999-01-01', contact: { name: '王经理', phone: 'call me', email: 'nope' } }), name: undefined })
      .expect(400);
    expect(byField(res.body.errors)).toEqual({
      name: ['未填写'],
      uscc: ['校验位错误（按前 17 位应为 3）'],
      regionCode: ['须为 6 位数字（如 500103 渝中区）'],
      foundedAt: ['不能晚于今天'],
      'contact.phone': ['格式不正确（如 023-63000000）'],
      'contact.email': ['格式不正确'],
    });
    expect(await organizations()).toBe(before);
  });

  it('names a malformed credit code whatever else is wrong, and a well-formed body goes through', async () => {
    const token = await applicant();
    const short = await ctx.http.post('/organizations').set('Authorization', token).send(body({ uscc: '91350100M000100Y4', industry: 'ZZ' })).expect(400);
    expect(byField(short.body.errors)).toEqual({ uscc: ['应为 18 位（当前 17 位）'], industry: ['须为 GB/T 4754 代码（如 C3825）'] });
    await ctx.http.post('/organizations').set('Authorization', token).send(body()).expect(201);
  });

  it('lets an award office excuse only a wrong check character, with a reason', async () => {
    const excused = await ctx.http.post('/organizations').set('Authorization', admin).send(body({ uscc: '91350100M000100Y44', usccOverrideReason: '营业执照原件核验，历史赋码错误' })).expect(201);
    expect(excused.body.usccOverridden).toBe(true);
    const malformed = await ctx.http.post('/organizations').set('Authorization', admin).send(body({ uscc: '91350100M000100Y', usccOverrideReason: '营业执照原件核验，历史赋码错误' })).expect(400);
    expect(byField(malformed.body.errors)).toEqual({ uscc: ['应为 18 位（当前 16 位）'] });
    const byApplicant = await ctx.http.post('/organizations').set('Authorization', await applicant()).send(body({ uscc: '91350100M000100Y44', usccOverrideReason: '营业执照原件核验，历史赋码错误' })).expect(400);
    expect(byApplicant.body.errors).toEqual([{ field: 'usccOverrideReason', label: '代码校验例外理由', messages: ['代码校验例外只能由评奖办公室登记'] }]);
  });
});
