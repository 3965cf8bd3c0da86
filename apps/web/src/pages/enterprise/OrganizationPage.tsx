import { useState } from 'react';
import { useNavigate } from 'react-router';
import { App, Button, Card, Col, Descriptions, Form, Input, Row, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import type { Organization } from '../../api/types';
import { useAuth, useUser } from '../../auth/AuthContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../components/formErrors';
import { checkUscc, DAY_FORMAT, INDUSTRY_CODE, PHONE, REGION_CODE } from '@awardflow/rules';
import { useResource } from '../../lib/useResource';

/** The API's own check of the code, its reason read after the field's name as on the form. */
function usccZh(code: string): { valid: true } | { valid: false; reason: string } {
  const check = checkUscc(code);
  return check.valid ? check : { valid: false, reason: `统一社会信用代码${check.reason}` };
}

/** What the enterprise fills in: the organisation without what the office keeps. */
type OrganizationForm = Pick<Organization, 'name' | 'uscc' | 'regionCode' | 'address' | 'legalRepresentative' | 'contact' | 'foundedAt' | 'industry'>;

/** 单位信息: an applicant registers its organisation once (the credit code is checked as it is typed). */
export default function OrganizationPage() {
  const user = useUser();
  if (user.organizationId) return <OrganizationDetails id={user.organizationId} />;
  return <RegisterOrganization />;
}

function OrganizationDetails({ id }: { id: string }) {
  const org = useResource(() => api.get<Organization>(`/organizations/${id}`), [id]);
  if (org.error) return <ErrorAlert error={org.error} />;
  const o = org.data;
  return (
    <Card title="单位信息" loading={!o}>
      {o && (
        <Descriptions
          // One pair a row on a phone: label and value side by side twice over is wider than the screen.
          column={{ xs: 1, sm: 2 }}
          bordered
          size="small"
          items={[
            { label: '单位名称', children: o.name },
            { label: '统一社会信用代码', children: o.uscc },
            { label: '行政区划代码', children: o.regionCode },
            { label: '行业代码', children: o.industry },
            { label: '注册地址', children: o.address, span: 'filled' },
            { label: '法定代表人', children: o.legalRepresentative },
            { label: '成立日期', children: o.foundedAt },
            { label: '联系人', children: `${o.contact.name} ${o.contact.phone} ${o.contact.email ?? ''}` },
            { label: '质量信用等级', children: o.creditGrade ? <Tag color="blue">{o.creditGrade} 级</Tag> : <Typography.Text type="secondary">尚未评定</Typography.Text> },
          ]}
        />
      )}
    </Card>
  );
}

function RegisterOrganization() {
  const [form] = Form.useForm<OrganizationForm>();
  const { replaceToken } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const uscc = Form.useWatch('uscc', form) ?? '';
  const usccCheck = uscc ? usccZh(uscc) : null;

  const submit = async (values: OrganizationForm) => {
    setBusy(true);
    setError(undefined);
    try {
      const contact = { ...values.contact, email: values.contact.email || undefined };
      const created = await api.post<Organization>('/organizations', { ...values, uscc: values.uscc.trim(), contact });
      if (created.accessToken) await replaceToken(created.accessToken);
      message.success(`已登记：${created.name}`);
      navigate('/my/cycles');
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="登记申报单位">
      <Typography.Paragraph type="secondary">申报前请先登记贵单位信息。统一社会信用代码按 GB 32100-2015 校验位规则即时核对。</Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit} scrollToFirstError>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label="单位名称" name="name" rules={[{ required: true, message: '请填写单位名称' }, { min: 2, message: '至少 2 个字符' }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="统一社会信用代码"
              name="uscc"
              normalize={(v: string) => v.replace(/\s/g, '')}
              validateStatus={usccCheck ? (usccCheck.valid ? 'success' : uscc.length < 18 ? 'validating' : 'error') : undefined}
              hasFeedback={!!usccCheck && (usccCheck.valid || uscc.length >= 18)}
              help={usccCheck && !usccCheck.valid ? <span data-testid="uscc-help">{usccCheck.reason}</span> : usccCheck?.valid ? <span data-testid="uscc-help">校验通过</span> : undefined}
              rules={[
                { required: true, message: '请填写统一社会信用代码' },
                {
                  validator: async (_, v: string) => {
                    const c = usccZh(v ?? '');
                    if (v && !c.valid) throw new Error(c.reason);
                  },
                },
              ]}
            >
              <Input maxLength={18} placeholder="18 位，如 91500103MA5UXXXXXX" style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="行政区划代码" name="regionCode" rules={[{ required: true, message: '请填写行政区划代码' }, { pattern: REGION_CODE.pattern, message: REGION_CODE.hint }]}>
              <Input maxLength={6} placeholder="500103" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="行业代码（GB/T 4754）" name="industry" rules={[{ required: true, message: '请填写行业代码' }, { pattern: INDUSTRY_CODE.pattern, message: INDUSTRY_CODE.hint }]}>
              <Input maxLength={5} placeholder="C3825" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="成立日期" name="foundedAt" rules={[{ required: true, message: '请填写成立日期' }, { pattern: DAY_FORMAT, message: '格式为 YYYY-MM-DD' }]}>
              <Input placeholder="2010-03-01" maxLength={10} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="注册地址" name="address" rules={[{ required: true, message: '请填写注册地址' }, { min: 2, message: '至少 2 个字符' }]}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label="法定代表人" name="legalRepresentative" rules={[{ required: true, message: '请填写法定代表人' }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label="联系人" name={['contact', 'name']} rules={[{ required: true, message: '请填写联系人' }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label="联系电话" name={['contact', 'phone']} rules={[{ required: true, message: '请填写联系电话' }, { pattern: PHONE.pattern, message: `电话号码${PHONE.hint}` }]}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label="联系邮箱" name={['contact', 'email']} rules={[{ type: 'email', message: '邮箱地址格式不正确' }]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={busy}>
          登记单位
        </Button>
      </Form>
    </Card>
  );
}
