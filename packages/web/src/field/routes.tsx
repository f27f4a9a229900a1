import { lazy, Suspense } from 'react';
import { Route, Router, Switch } from 'wouter';
import { PlanningNewScreen } from './dcc/planning-new-screen';
import { PlanningRecordScreen } from './dcc/planning-record-screen';
import { PlanningScreen } from './dcc/planning-screen';
import { TaskScreen } from './dcc/task-screen';
import { VillageScreen } from './dcc/village-screen';
import { VillagesScreen } from './dcc/villages-screen';
import { FormsScreen } from './forms/forms-screen';
import { CaseScreen } from './screens/case/case-screen';
import { CasesScreen } from './screens/cases-screen';
import { HomeScreen } from './screens/home-screen';
import { OutboxScreen } from './screens/outbox-screen';
import { ReceiptScreen } from './screens/receipt-screen';
import { WizardScreen } from './screens/wizard/wizard-screen';

// The form runner and the form engine load when a form is opened, not with the app's first screen.
const TaskFormScreen = lazy(() =>
  import('./dcc/task-form-screen').then((m) => ({ default: m.TaskFormScreen })),
);
const FormFillScreen = lazy(() => import('./forms/fill-screen').then((m) => ({ default: m.FormFillScreen })));

/** The field app lives under /terrain/ (its service worker's scope); paths below are relative to it. */
export const FIELD_BASE = '/terrain';

export function FieldRoutes() {
  return (
    <Router base={FIELD_BASE}>
      <Switch>
        <Route path="/" component={HomeScreen} />
        <Route path="/cases" component={CasesScreen} />
        <Route path="/cases/:id">{(params) => <CaseScreen key={params.id} id={params.id} />}</Route>
        <Route path="/new" component={WizardScreen} />
        <Route path="/receipt/:id">{(params) => <ReceiptScreen key={params.id} id={params.id} />}</Route>
        <Route path="/sync" component={OutboxScreen} />
        <Route path="/forms" component={FormsScreen} />
        <Route path="/forms/fill/:id">
          {(params) => (
            <Suspense
              fallback={
                <p role="status" className="p-3">
                  …
                </p>
              }
            >
              <FormFillScreen key={params.id} draftId={params.id} />
            </Suspense>
          )}
        </Route>
        <Route path="/dcc" component={VillagesScreen} />
        <Route path="/dcc/planning" component={PlanningScreen} />
        <Route path="/dcc/planning/new" component={PlanningNewScreen} />
        <Route path="/dcc/planning/:planId">
          {(params) => <PlanningRecordScreen key={params.planId} planId={params.planId} />}
        </Route>
        <Route path="/dcc/villages/:villageId">
          {(params) => <VillageScreen key={params.villageId} villageId={params.villageId} />}
        </Route>
        <Route path="/dcc/villages/:villageId/tasks/:instanceId">
          {(params) => (
            <TaskScreen key={params.instanceId} villageId={params.villageId} instanceId={params.instanceId} />
          )}
        </Route>
        <Route path="/dcc/villages/:villageId/tasks/:instanceId/form">
          {(params) => (
            <Suspense
              fallback={
                <p role="status" className="p-3">
                  …
                </p>
              }
            >
              <TaskFormScreen
                key={params.instanceId}
                villageId={params.villageId}
                instanceId={params.instanceId}
              />
            </Suspense>
          )}
        </Route>
        <Route component={HomeScreen} />
      </Switch>
    </Router>
  );
}
