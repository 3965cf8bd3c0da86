import { useState } from 'react';
import { PHONE } from '@awardflow/rules';
import { Button, Form, Input, Result, Select, Typography, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { publicApi } from '../../api/client';
import type { PublicBatch, PublicObjectionReceipt } from '../../api/publication-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../components/formErrors';
import { ID_NUMBER } from '../../components/publication/labels';
import { formatTime } from '../../lib/format';

const MAX_FILES = 5;
const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = '.pdf,.jpg,.jpeg,.png';

interface Values {
  publicId: string;
  objectorName: string;
  idNumber: string;
  objectorOrganization?: string;
  phone: string;
  email?: string;
  content: string;
  evidence?: string;
}

/** 提出异议 on a 公示 without an account: real name, identity number, contact, content and 1–5 evidence files. */
export function PublicObjectionForm({ batch }: { batch: PublicBatch }) {
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<PublicObjectionReceipt>();
  const [missingFiles, setMissingFiles] = useState(false);
  const badFile = files.some((f) => f.status === 'error');

  const submit = async (values: Values) => {
    setError(undefined);
    if (!files.length || badFile) {
      setMissingFiles(!files.length);
      return;
    }
    const data = new FormData();
    for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== null && String(value).trim() !== '') data.append(key, String(value).trim());
    for (const f of files) if (f.originFileObj) data.append('files', f.originFileObj, f.name);
    setBusy(true);
    try {
      setReceipt(await publicApi.post<PublicObjectionReceipt>(`/public/publicity/${batch.id}/objections`, data));
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (receipt) {
    return (
      <Result
        status="success"
        data-testid="objection-receipt"
        title="异议已提交"
        subTitle={
          <>
            <div>
              受理回执编号：
              <Typography.Text strong copyable data-testid="objection-reference">
                {receipt.reference}
              </Typography.Text>
            </div>
            <div>提交时间：{formatTime(receipt.filedAt)}</div>
            <div>请保存回执编号。{batch.contact.unit}将在核实后处理，必要时通过您留下的联系方式联系您。</div>
          </>
        }
      />
    );
  }

  return (
    <Form form={form} layout="vertical" onFinish={submit} onFinishFailed={() => setMissingFiles(!files.length)} requiredMark data-testid="public-objection-form" scrollToFirstError>
      <Typography.Paragraph type="secondary">异议须实名提出并提供证据。您的姓名、证件号码和联系方式仅评奖办公室可见，不会告知被异议单位。</Typography.Paragraph>
      <Form.Item name="publicId" label="异议对象" rules={[{ required: true, message: '请选择对哪一家单位提出异议' }]}>
        <Select
          data-testid="objection-entry"
          placeholder="选择公示名单中的单位"
          options={batch.entries.map((e) => ({ value: e.publicId, label: e.subjectName ? `${e.organizationName}（${e.subjectName}）` : e.organizationName }))}
        />
      </Form.Item>
      <Form.Item name="objectorName" label="姓名" rules={[{ required: true, whitespace: true, min: 2, message: '请填写真实姓名（匿名异议不予受理）' }]}>
        <Input maxLength={50} autoComplete="name" />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label="身份证号或统一社会信用代码"
        normalize={(v: string) => v?.toUpperCase().replace(/\s/g, '')}
        rules={[
          { required: true, message: '请填写身份证号（个人）或统一社会信用代码（单位）' },
          { pattern: ID_NUMBER, message: '须为 18 位身份证号或 18 位统一社会信用代码' },
        ]}
      >
        <Input maxLength={18} />
      </Form.Item>
      <Form.Item name="objectorOrganization" label="单位（选填）">
        <Input maxLength={200} autoComplete="organization" />
      </Form.Item>
      <Form.Item name="phone" label="电话" rules={[{ required: true, message: '请填写联系电话' }, { pattern: PHONE.pattern, message: `联系电话${PHONE.hint}` }]}>
        <Input maxLength={20} type="tel" autoComplete="tel" />
      </Form.Item>
      <Form.Item name="email" label="邮箱（选填）" rules={[{ type: 'email', message: '邮箱地址格式不正确' }]}>
        <Input type="email" autoComplete="email" />
      </Form.Item>
      <Form.Item name="content" label="异议内容" rules={[{ required: true, whitespace: true, min: 20, message: '请以至少 20 字写明异议的事实和理由' }]}>
        <Input.TextArea autoSize={{ minRows: 4 }} maxLength={10000} showCount placeholder="写明异议的事实、理由和证据所在" />
      </Form.Item>
      <Form.Item name="evidence" label="证据说明（选填）">
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={10000} placeholder="如：附件为该单位年度报告第 12 页截图" />
      </Form.Item>
      <Form.Item
        label={`证据材料（1–${MAX_FILES} 个 PDF、JPG、PNG 文件，每个不超过 10 MB）`}
        required
        validateStatus={badFile || (missingFiles && !files.length) ? 'error' : undefined}
        help={badFile ? '有文件超过 10 MB 或类型不受支持，请删除后重新选择' : missingFiles && !files.length ? '请上传至少 1 个证据文件' : undefined}
      >
        <Upload
          data-testid="objection-files"
          accept={ACCEPT}
          multiple
          maxCount={MAX_FILES}
          fileList={files}
          beforeUpload={() => false}
          onChange={({ fileList }) => {
            setMissingFiles(false);
            setFiles(
              fileList.slice(0, MAX_FILES).map((f) => {
                const bad = (f.size ?? 0) > MAX_BYTES || !/\.(pdf|jpe?g|png)$/i.test(f.name);
                return { ...f, status: bad ? 'error' : 'done' };
              }),
            );
          }}
        >
          <Button icon={<UploadOutlined />} disabled={files.length >= MAX_FILES}>
            选择文件
          </Button>
        </Upload>
      </Form.Item>
      <ErrorAlert error={error} />
      <Button
        type="primary"
        htmlType="submit"
        block
        loading={busy}
        data-testid="objection-submit"
      >
        提交异议
      </Button>
    </Form>
  );
}
