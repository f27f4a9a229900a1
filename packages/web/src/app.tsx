import type { Permission } from '@coso/domain';
import { lazy, type ReactNode, Suspense } from 'react';
import { Redirect, Route, Switch, useLocation, useSearch } from 'wouter';
import { AuthProvider, loginPath, useAuth } from './features/auth/auth-context';
import { LoginPage, safeNext } from './features/auth/login-page';
import { HomePage } from './features/home/home-page';
import { I18nProvider } from './i18n/i18n-context';
import { AccessDenied, Loading } from './ui/alerts';
import { AppLayout } from './ui/layout';
import { NotFoundPage } from './ui/not-found-page';

// Admin screens load on demand so the first paint only pays for the shell, login and home.
const UsersListPage = lazy(() => import('./features/users/users-list-page'));
const UserNewPage = lazy(() => import('./features/users/user-new-page'));
const UserEditPage = lazy(() => import('./features/users/user-edit-page'));
const GeoBrowserPage = lazy(() => import('./features/geo/geo-browser-page'));
const GeoUnitPage = lazy(() => import('./features/geo/geo-unit-page'));
const GeoImportPage = lazy(() => import('./features/geo/geo-import-page'));
const AuditPage = lazy(() => import('./features/audit/audit-page'));
const AccountPage = lazy(() => import('./features/account/account-page'));
const ComplaintsListPage = lazy(() => import('./features/grm/complaints/complaints-list-page'));
const ComplaintNewPage = lazy(() => import('./features/grm/complaints/complaint-new-page'));
const ComplaintImportPage = lazy(() => import('./features/grm/complaints/complaint-import-page'));
const ComplaintPage = lazy(() => import('./features/grm/complaints/complaint-page'));
const ReferenceListsPage = lazy(() => import('./features/grm/admin/reference-lists-page'));
const CommitteesPage = lazy(() => import('./features/grm/admin/committees-page'));
const EscalationChainsPage = lazy(() => import('./features/grm/admin/escalation-chains-page'));
const RoutingRulesPage = lazy(() => import('./features/grm/admin/routing-rules-page'));
const DeadlinesPage = lazy(() => import('./features/grm/admin/deadlines-page'));
const NotificationsPage = lazy(() => import('./features/notifications/notifications-page'));
const TemplatesPage = lazy(() => import('./features/notifications/templates-page'));
const OutboxPage = lazy(() => import('./features/notifications/outbox-page'));
const JobsPage = lazy(() => import('./features/jobs/jobs-page'));
const FormsListPage = lazy(() => import('./features/forms/forms-list-page'));
const FormImportPage = lazy(() => import('./features/forms/form-import-page'));
const FormPage = lazy(() => import('./features/forms/form-page'));
const DashboardPage = lazy(() => import('./features/grm/reports/dashboard-page'));
const IndicatorsPage = lazy(() => import('./features/grm/reports/indicators-page'));
const MapPage = lazy(() => import('./features/grm/reports/map-page'));
const DownloadsPage = lazy(() => import('./features/grm/reports/downloads-page'));
const DccCyclesPage = lazy(() => import('./features/dcc/cycles-list-page'));
const DccCyclePage = lazy(() => import('./features/dcc/cycle-page'));
const DccReviewPage = lazy(() => import('./features/dcc/review-queue-page'));
const DccTaskPage = lazy(() => import('./features/dcc/task-instance-page'));
const DccProgressPage = lazy(() => import('./features/dcc/progress-page'));
const DccVillageFilePage = lazy(() => import('./features/dcc/village-file-page'));
const MisSubprojectsPage = lazy(() => import('./features/mis/subprojects/subprojects-list-page'));
const MisSubprojectNewPage = lazy(() => import('./features/mis/subprojects/subproject-new-page'));
const MisSubprojectPage = lazy(() => import('./features/mis/subprojects/subproject-page'));
const MisFinancePage = lazy(() => import('./features/mis/finance/finance-page'));
// Citizen pages: their own chunk, reachable without login, carrying none of the staff screens.
const PublicPages = lazy(() => import('./features/grm/public/public-pages'));

export function App() {
  return (
    <I18nProvider>
      <AuthProvider>
        <AppRoutes />
      </AuthProvider>
    </I18nProvider>
  );
}

function Allowed({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useAuth();
  return can(permission) ? children : <AccessDenied />;
}

function AppRoutes() {
  const { status } = useAuth();
  const [path] = useLocation();
  const search = useSearch();

  if (path === '/public' || path.startsWith('/public/')) {
    return (
      <Suspense fallback={<Loading />}>
        <PublicPages />
      </Suspense>
    );
  }
  if (status === 'loading') {
    return (
      <div className="d-flex justify-content-center align-items-center vh-100">
        <Loading />
      </div>
    );
  }
  if (path === '/login') {
    if (status === 'authenticated') return <Redirect to={safeNext(search)} replace />;
    return <LoginPage />;
  }
  if (status === 'anonymous') return <Redirect to={loginPath(path + (search ? `?${search}` : ''))} replace />;

  return (
    <AppLayout>
      <Suspense fallback={<Loading />}>
        <Switch>
          <Route path="/" component={HomePage} />
          <Route path="/account" component={AccountPage} />
          <Route path="/notifications" component={NotificationsPage} />
          <Route path="/reports">
            <Allowed permission="reports.view">
              <DashboardPage />
            </Allowed>
          </Route>
          <Route path="/reports/indicators">
            <Allowed permission="reports.view">
              <IndicatorsPage />
            </Allowed>
          </Route>
          <Route path="/reports/map">
            <Allowed permission="reports.view">
              <MapPage />
            </Allowed>
          </Route>
          <Route path="/reports/downloads">
            <Allowed permission="reports.view">
              <DownloadsPage />
            </Allowed>
          </Route>
          <Route path="/admin/users">
            <Allowed permission="users.manage">
              <UsersListPage />
            </Allowed>
          </Route>
          <Route path="/admin/users/new">
            <Allowed permission="users.manage">
              <UserNewPage />
            </Allowed>
          </Route>
          <Route path="/admin/users/:id">
            {(params) => (
              <Allowed permission="users.manage">
                <UserEditPage key={params.id} id={params.id} />
              </Allowed>
            )}
          </Route>
          <Route path="/geo">
            <Allowed permission="geo.read">
              <GeoBrowserPage />
            </Allowed>
          </Route>
          <Route path="/geo/import">
            <Allowed permission="geo.manage">
              <GeoImportPage />
            </Allowed>
          </Route>
          <Route path="/geo/units/:id">
            {(params) => (
              <Allowed permission="geo.read">
                <GeoUnitPage key={params.id} id={params.id} />
              </Allowed>
            )}
          </Route>
          <Route path="/admin/audit">
            <Allowed permission="audit.read">
              <AuditPage />
            </Allowed>
          </Route>
          <Route path="/complaints">
            <Allowed permission="complaints.read">
              <ComplaintsListPage />
            </Allowed>
          </Route>
          <Route path="/complaints/new">
            <Allowed permission="complaints.create">
              <ComplaintNewPage />
            </Allowed>
          </Route>
          <Route path="/complaints/import">
            <Allowed permission="complaints.import">
              <ComplaintImportPage />
            </Allowed>
          </Route>
          <Route path="/complaints/:id">
            {(params) => (
              <Allowed permission="complaints.read">
                <ComplaintPage key={params.id} id={params.id} />
              </Allowed>
            )}
          </Route>
          <Route path="/grm/reference">
            <Allowed permission="reference.manage">
              <ReferenceListsPage />
            </Allowed>
          </Route>
          <Route path="/grm/committees">
            <Allowed permission="reference.manage">
              <CommitteesPage />
            </Allowed>
          </Route>
          <Route path="/grm/escalation">
            <Allowed permission="reference.manage">
              <EscalationChainsPage />
            </Allowed>
          </Route>
          <Route path="/grm/routing">
            <Allowed permission="reference.manage">
              <RoutingRulesPage />
            </Allowed>
          </Route>
          <Route path="/admin/notification-templates">
            <Allowed permission="users.manage">
              <TemplatesPage />
            </Allowed>
          </Route>
          <Route path="/admin/notification-outbox">
            <Allowed permission="users.manage">
              <OutboxPage />
            </Allowed>
          </Route>
          <Route path="/admin/jobs">
            <Allowed permission="users.manage">
              <JobsPage />
            </Allowed>
          </Route>
          <Route path="/admin/forms">
            <Allowed permission="forms.manage">
              <FormsListPage />
            </Allowed>
          </Route>
          <Route path="/admin/forms/import">
            <Allowed permission="forms.manage">
              <FormImportPage />
            </Allowed>
          </Route>
          <Route path="/admin/forms/:id">
            {(params) => (
              <Allowed permission="forms.manage">
                <FormPage key={params.id} id={params.id} />
              </Allowed>
            )}
          </Route>
          <Route path="/dcc/cycles">
            <Allowed permission="dcc.read">
              <DccCyclesPage />
            </Allowed>
          </Route>
          <Route path="/dcc/cycles/:id">
            {(params) => (
              <Allowed permission="dcc.read">
                <DccCyclePage key={params.id} id={params.id} />
              </Allowed>
            )}
          </Route>
          <Route path="/dcc/review">
            <Allowed permission="dcc.review">
              <DccReviewPage />
            </Allowed>
          </Route>
          <Route path="/dcc/tasks/:id">
            {(params) => (
              <Allowed permission="dcc.read">
                <DccTaskPage key={params.id} id={params.id} />
              </Allowed>
            )}
          </Route>
          <Route path="/dcc/villages/:id">
            {(params) => (
              <Allowed permission="dcc.read">
                <DccVillageFilePage key={params.id} id={params.id} />
              </Allowed>
            )}
          </Route>
          <Route path="/dcc/progress">
            <Allowed permission="dcc.read">
              <DccProgressPage />
            </Allowed>
          </Route>
          <Route path="/mis/subprojects">
            <Allowed permission="mis.read">
              <MisSubprojectsPage />
            </Allowed>
          </Route>
          <Route path="/mis/subprojects/new">
            <Allowed permission="mis.manage">
              <MisSubprojectNewPage />
            </Allowed>
          </Route>
          <Route path="/mis/finance">
            <Allowed permission="mis.read">
              <MisFinancePage />
            </Allowed>
          </Route>
          <Route path="/mis/subprojects/:id">
            {(params) => (
              <Allowed permission="mis.read">
                <MisSubprojectPage key={params.id} id={params.id} />
              </Allowed>
            )}
          </Route>
          <Route path="/grm/deadlines">
            <Allowed permission="reference.manage">
              <DeadlinesPage />
            </Allowed>
          </Route>
          <Route component={NotFoundPage} />
        </Switch>
      </Suspense>
    </AppLayout>
  );
}
