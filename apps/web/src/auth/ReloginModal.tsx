import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { errorText } from '../api/errors';

/**
 * 登录已过期: signing in again over the page rather than on /login, so what the page holds (a
 * half-typed 申报书, kept in this browser meanwhile) is saved as soon as the user is back.
 */
export function ReloginModal({
  open,
  username,
  onLogin,
  onLogout,
}: {
  open: boolean;
  username: string;
  onLogin: (username: string, password: string) => Promise<void>;
  onLogout: () => void;
}) {
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      await onLogin(values.username, values.password);
      form.resetFields(['password']);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title="登录已过期，请重新登录"
      closable={false}
      maskClosable={false}
      keyboard={false}
      data-testid="relogin-modal"
      footer={[
        <Button key="logout" onClick={onLogout}>
          退出登录
        </Button>,
        <Button key="login" type="primary" loading={busy} onClick={() => void submit().catch(() => undefined)} data-testid="relogin-submit">
          重新登录
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">您在本页填写的内容已暂存在本机，重新登录后将自动保存，不会丢失。</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="relogin-error" />}
      <Form form={form} layout="vertical" initialValues={{ username }} onFinish={() => void submit()}>
        <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
          <Input autoComplete="username" data-testid="relogin-username" />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password autoComplete="current-password" data-testid="relogin-password" onPressEnter={() => void submit().catch(() => undefined)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
