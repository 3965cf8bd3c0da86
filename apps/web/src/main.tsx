import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { AuthProvider, useAuth } from './auth/AuthContext';
import { LoginPage } from './pages/LoginPage';
import { CONSOLE_THEME, REDUCED_MOTION_THEME, renderEmpty } from './layout/theme';
import { useReducedMotion } from './lib/useReducedMotion';
import './layout/console.css';

dayjs.locale('zh-cn');

// Everything behind the login is split by route: the login page stays small.
const AppLayout = lazy(() => import('./layout/AppLayout'));
const HomeRedirect = lazy(() => import('./pages/HomeRedirect'));
const ApplicationPage = lazy(() => import('./pages/ApplicationPage'));
const InboxPage = lazy(() => import('./pages/InboxPage'));
const OrganizationPage = lazy(() => import('./pages/enterprise/OrganizationPage'));
const OpenCyclesPage = lazy(() => import('./pages/enterprise/OpenCyclesPage'));
const MyApplicationsPage = lazy(() => import('./pages/enterprise/MyApplicationsPage'));
const AssignmentsPage = lazy(() => import('./pages/reviewer/AssignmentsPage'));
const AssignmentPage = lazy(() => import('./pages/reviewer/AssignmentPage'));
const TasksPage = lazy(() => import('./pages/reviewer/TasksPage'));
const CyclesPage = lazy(() => import('./pages/office/CyclesPage'));
const CycleCreatePage = lazy(() => import('./pages/office/CycleCreatePage'));
const CycleDetailPage = lazy(() => import('./pages/office/CycleDetailPage'));
const ApplicationsPage = lazy(() => import('./pages/office/ApplicationsPage'));
const FlagsPage = lazy(() => import('./pages/office/FlagsPage'));
const RechecksPage = lazy(() => import('./pages/office/RechecksPage'));
const FailedJobsPage = lazy(() => import('./pages/office/FailedJobsPage'));
const CompliancePage = lazy(() => import('./pages/office/CompliancePage'));
const PeoplePage = lazy(() => import('./pages/office/PeoplePage'));
const StatsPage = lazy(() => import('./pages/office/StatsPage'));
const WorkbenchPage = lazy(() => import('./pages/office/WorkbenchPage'));
const OfficesPage = lazy(() => import('./pages/office/OfficesPage'));
const DeadlinesPage = lazy(() => import('./pages/office/DeadlinesPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));
// The public pages (公示, 表彰名单, 证书查询): no login, their own layout and chunks.
const PublicLayout = lazy(() => import('./pages/public/PublicLayout'));
const PublicOfficesPage = lazy(() => import('./pages/public/PublicOfficesPage'));
const PublicOfficePage = lazy(() => import('./pages/public/PublicOfficePage'));
const PublicityPage = lazy(() => import('./pages/public/PublicityPage'));
const CertificateVerifyPage = lazy(() => import('./pages/public/CertificateVerifyPage'));

const loading = (
  <div style={{ padding: 48, textAlign: 'center' }}>
    <Spin />
  </div>
);

function RequireAuth() {
  const { user, checking } = useAuth();
  const location = useLocation();
  if (checking) return loading;
  if (!user) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return (
    <Suspense fallback={loading}>
      <AppLayout />
    </Suspense>
  );
}

function Root() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        path="/public"
        element={
          <Suspense fallback={loading}>
            <PublicLayout />
          </Suspense>
        }
      >
        <Route index element={<PublicOfficesPage />} />
        <Route path="offices/:code" element={<PublicOfficePage />} />
        <Route path="publicity/:batchId" element={<PublicityPage />} />
        <Route path="certificates" element={<CertificateVerifyPage />} />
        <Route path="certificates/:number" element={<CertificateVerifyPage />} />
        <Route path="*" element={<Navigate to="/public" replace />} />
      </Route>
      <Route element={<RequireAuth />}>
        <Route index element={<HomeRedirect />} />
        <Route path="application/:id" element={<ApplicationPage />} />
        <Route path="inbox" element={<InboxPage />} />
        <Route path="my/organization" element={<OrganizationPage />} />
        <Route path="my/cycles" element={<OpenCyclesPage />} />
        <Route path="my/applications" element={<MyApplicationsPage />} />
        <Route path="expert/assignments" element={<AssignmentsPage />} />
        <Route path="expert/assignments/:id" element={<AssignmentPage />} />
        <Route path="expert/tasks" element={<TasksPage />} />
        <Route path="office/cycles" element={<CyclesPage />} />
        <Route path="office/cycles/new" element={<CycleCreatePage />} />
        <Route path="office/cycles/:id" element={<CycleDetailPage />} />
        <Route path="office/applications" element={<ApplicationsPage />} />
        <Route path="office/flags" element={<FlagsPage />} />
        <Route path="office/rechecks" element={<RechecksPage />} />
        <Route path="office/jobs" element={<FailedJobsPage />} />
        <Route path="office/deadlines" element={<DeadlinesPage />} />
        <Route path="office/compliance" element={<CompliancePage />} />
        <Route path="office/people" element={<PeoplePage />} />
        <Route path="office/stats" element={<StatsPage />} />
        <Route path="office/workbench" element={<WorkbenchPage />} />
        <Route path="office/offices" element={<OfficesPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

function Console() {
  const reducedMotion = useReducedMotion();
  return (
    <ConfigProvider locale={zhCN} theme={reducedMotion ? REDUCED_MOTION_THEME : CONSOLE_THEME} renderEmpty={renderEmpty} button={{ autoInsertSpace: false }}>
      <AntApp>
        <AuthProvider>
          <BrowserRouter>
            <Root />
          </BrowserRouter>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Console />
  </StrictMode>,
);
