import { Route, Router, Switch } from 'wouter';
import { CaseScreen } from './screens/case/case-screen';
import { CasesScreen } from './screens/cases-screen';
import { HomeScreen } from './screens/home-screen';
import { OutboxScreen } from './screens/outbox-screen';
import { ReceiptScreen } from './screens/receipt-screen';
import { WizardScreen } from './screens/wizard/wizard-screen';

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
        <Route component={HomeScreen} />
      </Switch>
    </Router>
  );
}
