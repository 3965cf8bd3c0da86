import { Navigate } from 'react-router';
import { useUser } from '../auth/AuthContext';

export default function HomeRedirect() {
  const user = useUser();
  if (user.role === 'applicant') return <Navigate to={user.organizationId ? '/my/applications' : '/my/organization'} replace />;
  if (user.role === 'reviewer') return <Navigate to="/expert/assignments" replace />;
  if (user.role === 'admin') return <Navigate to="/office/workbench" replace />;
  return <Navigate to="/office/applications" replace />;
}
