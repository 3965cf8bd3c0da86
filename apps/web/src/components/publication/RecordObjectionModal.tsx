import { useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { PHONE } from '@awardflow/rules';
import { App, Button, DatePicker, Form, Input, Modal, Radio, Result, Select, Typography, type UploadFile } from 'antd';
import { api } from '../../api/client';
import type { RecordedObjection } from '../../api/publication-types';
import { beijingDate } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';
import { applyFieldErrors } from '../formErrors';
import { ID_NUMBER } from './labels';
import { appendFiles, FilePicker } from './ObjectionItem';

interface Values {
  applicationId: string;
  channel: 'post' | 'phone' | 'mail';
  receivedOn: Dayjs;
  objectorName: string;
  objectorIdNumber?: string;
  objectorOrganization?: string;
  contactPhone: string;
  contactEmail?: string;
  content: string;
  evidence: string;
}

/**
 * 登记异议: an objection the office received by post, phone or mail, entered as received; then the
 * evidence that came with it (scanned), uploaded to the objection just recorded.
 */
export function RecordObjectionModal({
  open,
  applications,
  applicationId,
  onClose,
  onRecorded,
}: {
  open: boolean;
  /** The applications it may concern (those in a 公示), when the office picks one. */
  applications?: Array<{ id: string; label: string }>;
  /** The application it concerns, when fixed (the application's page). */
  applicationId?: string;
  onClose: () => void;
  onRecorded: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [recorded, setRecorded] = useState<RecordedObjection>();
  const [files, setFiles] = useState<UploadFile[]>([]);

  const close = () => {
    setRecorded(undefined);
    setFiles([]);
    setError(undefined);
    onClose();
  };

  const record = async () => {
    const values = await form.validateFields();
    const target = applicationId ?? values.applicationId;
    setError(undefined);
    setBusy(true);
    try {
      const { applicationId: _, receivedOn, ...rest } = values;
      const body = Object.fromEntries(
        Object.entries({ ...rest, receivedOn: receivedOn.format('YYYY-MM-DD') }).filter(([, v]) => v !== undefined && v !== null && String(v).trim() !== ''),
      );
      const res = await api.post<RecordedObjection>(`/applications/${target}/objections`, body);
      setRecorded(res);
      message.success('异议已登记');
      onRecorded();
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const upload = async () => {
    if (!recorded) return;
    if (!files.length) return close();
    const data = new FormData();
    appendFiles(data, files);
    setError(undefined);
    setBusy(true);
    try {
      await api.post(`/objections/${recorded.id}/files`, data);
      message.success('证据文件已上传');
      onRecorded();
      close();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const today = beijingDate();
  return (
    <Modal
      open={open}
      title="登记异议（信函、电话、电子邮件）"
      onCancel={close}
      destroyOnHidden
      width={640}
      footer={
        recorded
          ? [
              <Button key="skip" onClick={close}>
                暂不上传
              </Button>,
              <Button key="up" type="primary" loading={busy} disabled={!files.length} onClick={() => void upload()}>
                上传证据文件
              </Button>,
            ]
          : [
              <Button key="c" onClick={close}>
                取消
              </Button>,
              <Button key="ok" type="primary" loading={busy} onClick={() => void record().catch(() => undefined)}>
                登记
              </Button>,
            ]
      }
    >
      <ErrorAlert error={error} />
      {recorded ? (
        <>
          <Result status="success" title="异议已登记" subTitle="该申报在异议处理完毕前暂停后续环节。如收到书面证据材料，请扫描或拍照后上传。" style={{ padding: 16 }} />
          <FilePicker files={files} onChange={setFiles} testId="record-objection-files" />
        </>
      ) : (
        <Form form={form} layout="vertical" preserve={false} initialValues={{ channel: 'post', receivedOn: dayjs(today) }}>
          {!applicationId && (
            <Form.Item name="applicationId" label="异议对象" rules={[{ required: true, message: '请选择异议针对的申报' }]}>
              <Select showSearch optionFilterProp="label" options={(applications ?? []).map((a) => ({ value: a.id, label: a.label }))} placeholder="公示名单中的单位" />
            </Form.Item>
          )}
          <Form.Item name="channel" label="收到方式" rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: 'post', label: '信函' },
                { value: 'phone', label: '电话' },
                { value: 'mail', label: '电子邮件' },
              ]}
            />
          </Form.Item>
          <Form.Item name="receivedOn" label="收到日期" rules={[{ required: true, message: '请选择收到日期' }]}>
            <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') > today} />
          </Form.Item>
          <Typography.Paragraph type="secondary">异议人信息仅评奖办公室可见，不会告知被异议单位。</Typography.Paragraph>
          <Form.Item name="objectorName" label="异议人姓名或单位名称" rules={[{ required: true, whitespace: true, min: 2, message: '请填写异议人真实姓名（匿名异议不予受理）' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="objectorIdNumber"
            label="身份证号或统一社会信用代码（如提供）"
            normalize={(v: string) => v?.toUpperCase().replace(/\s/g, '')}
            rules={[{ pattern: ID_NUMBER, message: '须为 18 位身份证号或统一社会信用代码' }]}
          >
            <Input maxLength={18} />
          </Form.Item>
          <Form.Item name="objectorOrganization" label="异议人单位（选填）">
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="contactPhone" label="联系电话" rules={[{ required: true, message: '请填写联系电话' }, { pattern: PHONE.pattern, message: `联系电话${PHONE.hint}` }]}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="contactEmail" label="联系邮箱（选填）" rules={[{ type: 'email', message: '邮箱地址格式不正确' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="content" label="异议内容" rules={[{ required: true, whitespace: true, min: 20, message: '请以至少 20 字记录异议内容' }]}>
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={10000} />
          </Form.Item>
          <Form.Item name="evidence" label="证据说明" rules={[{ required: true, whitespace: true, min: 5, message: '请说明异议人提供的证据' }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={10000} placeholder="如：随信附年报复印件 3 页" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
