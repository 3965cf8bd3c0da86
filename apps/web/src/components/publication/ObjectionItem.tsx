import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Space, Tag, Typography, Upload, type UploadFile } from 'antd';
import { DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { api, download } from '../../api/client';
import { errorText } from '../../api/errors';
import type { ObjectionFile, PublicationObjection, ResolvedObjection } from '../../api/publication-types';
import { cnDate, fileSize, formatTime } from '../../lib/format';
import { STATE_LABELS } from '../../lib/labels';
import { ErrorAlert } from '../ErrorAlert';
import { applyFieldErrors } from '../formErrors';
import { CHANNEL_LABELS, OBJECTION_STATUS, RESOLVE_CONSEQUENCES } from './labels';

const EVIDENCE_ACCEPT = '.pdf,.jpg,.jpeg,.png';

function FileLinks({ objectionId, files }: { objectionId: string; files: ObjectionFile[] }) {
  const { message } = App.useApp();
  if (!files.length) return null;
  return (
    <Space wrap size={[12, 2]}>
      {files.map((f) => (
        <Typography.Link
          key={f.id}
          data-testid="objection-file"
          onClick={() => void download(`/objections/${objectionId}/files/${f.id}`, f.fileName).catch((e) => message.error(errorText(e)))}
        >
          <DownloadOutlined /> {f.fileName} <Typography.Text type="secondary">（{fileSize(f.sizeBytes)}）</Typography.Text>
        </Typography.Link>
      ))}
    </Space>
  );
}

/** Files chosen for a multipart request (sent with the form, not uploaded on their own). */
export function FilePicker({ files, onChange, max = 5, testId }: { files: UploadFile[]; onChange: (files: UploadFile[]) => void; max?: number; testId?: string }) {
  return (
    <Upload data-testid={testId} accept={EVIDENCE_ACCEPT} multiple maxCount={max} fileList={files} beforeUpload={() => false} onChange={({ fileList }) => onChange(fileList.slice(0, max))}>
      <Button icon={<UploadOutlined />} disabled={files.length >= max}>
        选择文件
      </Button>
    </Upload>
  );
}

export function appendFiles(data: FormData, files: UploadFile[]): void {
  for (const f of files) if (f.originFileObj) data.append('files', f.originFileObj, f.name);
}

/**
 * One objection: what was objected and on what evidence, the enterprise's 申辩, the decision. The
 * objector's identity is shown only when the API sent it (to the office, never to the enterprise).
 * The office decides an open one; the enterprise answers it (申辩) while it is open.
 */
export function ObjectionItem({
  objection: o,
  organizationName,
  canResolve,
  canRespond,
  onChanged,
}: {
  objection: PublicationObjection;
  organizationName?: string;
  canResolve: boolean;
  canRespond: boolean;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const [deciding, setDeciding] = useState<'uphold' | 'dismiss'>();
  const [responding, setResponding] = useState(false);
  const [responseFiles, setResponseFiles] = useState<UploadFile[]>([]);
  const [evidenceFiles, setEvidenceFiles] = useState<UploadFile[]>([]);
  const [addingEvidence, setAddingEvidence] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [resolveForm] = Form.useForm<{ resolution: string }>();
  const [responseForm] = Form.useForm<{ content: string }>();
  const status = OBJECTION_STATUS[o.status] ?? { label: o.status, color: 'default' };
  const open = o.status === 'open';

  const resolve = async () => {
    if (!deciding) return;
    const { resolution } = await resolveForm.validateFields();
    setError(undefined);
    setBusy(true);
    try {
      const res = await api.post<ResolvedObjection>(`/objections/${o.id}/resolve`, { decision: deciding, resolution });
      message.success(deciding === 'uphold' ? '已认定异议成立，申报已驳回' : `已认定异议不成立，申报现为「${STATE_LABELS[res.applicationState] ?? res.applicationState}」`);
      setDeciding(undefined);
      onChanged();
    } catch (e) {
      applyFieldErrors(resolveForm, e);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const respond = async () => {
    const { content } = await responseForm.validateFields();
    setError(undefined);
    const data = new FormData();
    data.append('content', content.trim());
    appendFiles(data, responseFiles);
    setBusy(true);
    try {
      await api.post(`/objections/${o.id}/responses`, data);
      message.success('申辩已提交');
      setResponding(false);
      setResponseFiles([]);
      onChanged();
    } catch (e) {
      applyFieldErrors(responseForm, e);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const addEvidence = async () => {
    if (!evidenceFiles.length) return;
    const data = new FormData();
    appendFiles(data, evidenceFiles);
    setError(undefined);
    setBusy(true);
    try {
      await api.post(`/objections/${o.id}/files`, data);
      message.success('证据文件已上传');
      setAddingEvidence(false);
      setEvidenceFiles([]);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid={`objection-${o.id}`} data-status={o.status} style={{ width: '100%' }}>
      <Space wrap size={[8, 4]}>
        <Tag color={status.color} data-testid="objection-status">
          {status.label}
        </Tag>
        {o.channel && <Tag>{CHANNEL_LABELS[o.channel] ?? o.channel}</Tag>}
        {organizationName && <Typography.Text strong>{organizationName}</Typography.Text>}
        <Typography.Text type="secondary">
          {o.receivedOn ? `收到于 ${cnDate(o.receivedOn)}，` : ''}登记于 {formatTime(o.createdAt)}
        </Typography.Text>
      </Space>
      {o.objectorName && (
        <div data-testid="objector" style={{ marginTop: 4 }}>
          <Typography.Text type="secondary">异议人（仅办公室可见）：</Typography.Text>
          {o.objectorName}
          {o.objectorIdNumber ? `，证件号 ${o.objectorIdNumber}` : ''}
          {o.objectorOrganization ? `，${o.objectorOrganization}` : ''}
          {o.contactPhone ? `，电话 ${o.contactPhone}` : ''}
          {o.contactEmail ? `，邮箱 ${o.contactEmail}` : ''}
        </div>
      )}
      {o.content && (
        <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }} data-testid="objection-content">
          异议内容：{o.content}
        </div>
      )}
      {o.evidence && <div style={{ whiteSpace: 'pre-wrap' }}>证据说明：{o.evidence}</div>}
      {/* The office gets the files; the enterprise only how many there are. */}
      {o.files?.length ? (
        <div>
          <PaperClipOutlined /> 证据文件：
          <FileLinks objectionId={o.id} files={o.files} />
        </div>
      ) : o.evidenceFileCount ? (
        <div>
          <PaperClipOutlined /> 证据文件：<Typography.Text type="secondary">{o.evidenceFileCount} 个（仅评奖办公室可查看）</Typography.Text>
        </div>
      ) : null}
      {(o.responses ?? []).map((r) => (
        <div key={r.id} data-testid="objection-response" style={{ marginTop: 6, padding: '6px 10px', background: '#fafafa', borderLeft: '3px solid #d9d9d9' }}>
          <Typography.Text type="secondary">申报单位申辩 · {formatTime(r.createdAt)}</Typography.Text>
          <div style={{ whiteSpace: 'pre-wrap' }}>{r.content}</div>
          <FileLinks objectionId={o.id} files={r.files} />
        </div>
      ))}
      {o.resolution && (
        <div style={{ marginTop: 4 }} data-testid="objection-resolution">
          处理意见：{o.resolution}
          {o.resolvedAt && <Typography.Text type="secondary">（{formatTime(o.resolvedAt)}）</Typography.Text>}
        </div>
      )}
      {open && (canResolve || canRespond) && (
        <Space wrap style={{ marginTop: 8 }}>
          {canResolve && (
            <>
              <Button size="small" danger onClick={() => setDeciding('uphold')}>
                异议成立
              </Button>
              <Button size="small" onClick={() => setDeciding('dismiss')}>
                异议不成立
              </Button>
              <Button size="small" type="link" onClick={() => setAddingEvidence(true)}>
                补充证据文件
              </Button>
            </>
          )}
          {canRespond && (
            <Button size="small" type="primary" onClick={() => setResponding(true)} data-testid="respond-button">
              提交申辩
            </Button>
          )}
        </Space>
      )}
      <Modal
        open={!!deciding}
        title={deciding === 'uphold' ? '认定异议成立' : '认定异议不成立'}
        okText="确定"
        okButtonProps={{ danger: deciding === 'uphold', loading: busy }}
        cancelText="取消"
        onOk={() => void resolve().catch(() => undefined)}
        onCancel={() => setDeciding(undefined)}
        destroyOnHidden
      >
        {deciding && <Alert type={deciding === 'uphold' ? 'warning' : 'info'} showIcon title={RESOLVE_CONSEQUENCES[deciding]} style={{ marginBottom: 12 }} />}
        <ErrorAlert error={error} />
        <Form form={resolveForm} layout="vertical" preserve={false}>
          <Form.Item label="处理意见（将告知申报单位）" name="resolution" rules={[{ required: true, whitespace: true, min: 2, message: '请填写处理意见' }]}>
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={5000} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={responding}
        title="提交申辩"
        okText="提交"
        okButtonProps={{ loading: busy }}
        cancelText="取消"
        onOk={() => void respond().catch(() => undefined)}
        onCancel={() => setResponding(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">请针对异议内容说明情况，可附证明材料。评奖办公室在作出处理决定前会参考您的申辩。</Typography.Paragraph>
        <ErrorAlert error={error} />
        <Form form={responseForm} layout="vertical" preserve={false}>
          <Form.Item label="申辩内容" name="content" rules={[{ required: true, whitespace: true, min: 10, message: '请以至少 10 字说明' }]}>
            <Input.TextArea autoSize={{ minRows: 4 }} maxLength={10000} data-testid="response-content" />
          </Form.Item>
          <Form.Item label="证明材料（选填，PDF、JPG、PNG）">
            <FilePicker files={responseFiles} onChange={setResponseFiles} testId="response-files" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={addingEvidence}
        title="补充证据文件"
        okText="上传"
        okButtonProps={{ loading: busy, disabled: !evidenceFiles.length }}
        cancelText="取消"
        onOk={() => void addEvidence()}
        onCancel={() => setAddingEvidence(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">以信函、电话或邮件收到的证据材料，扫描或拍照后上传。</Typography.Paragraph>
        <ErrorAlert error={error} />
        <FilePicker files={evidenceFiles} onChange={setEvidenceFiles} />
      </Modal>
    </div>
  );
}
