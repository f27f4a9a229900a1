import { describe, expect, it } from 'vitest';
import type { DccProgress } from './dcc-api';
import { areaMatrix, funnel, heatClass, league, percent } from './progress-view';

const progress: DccProgress = {
  within: { id: 'tg', name: 'Togo' },
  phases: [
    { phaseId: 'p1', name: 'Visites préalables', villages: 8, completed: 6 },
    { phaseId: 'p2', name: 'Mobilisation', villages: 8, completed: 1 },
    { phaseId: 'p3', name: 'Planification', villages: 0, completed: 0 },
  ],
  areas: [
    {
      unitId: 'b',
      name: 'Tône',
      phases: [
        { phaseId: 'p2', percentValidated: 50 },
        { phaseId: 'p1', percentValidated: 100 },
      ],
    },
    { unitId: 'a', name: 'Kozah', phases: [{ phaseId: 'p1', percentValidated: 33.3 }] },
  ],
  facilitators: [
    {
      id: 'u1',
      displayName: 'Zoé',
      tasksValidated: 4,
      tasksSubmitted: 1,
      lastActivity: '2027-03-01T10:00:00Z',
      overduePlans: 0,
    },
    {
      id: 'u2',
      displayName: 'Abalo',
      tasksValidated: 4,
      tasksSubmitted: 1,
      lastActivity: '2027-03-02T10:00:00Z',
      overduePlans: 2,
    },
    {
      id: 'u3',
      displayName: 'Essowè',
      tasksValidated: 9,
      tasksSubmitted: 0,
      lastActivity: null,
      overduePlans: 0,
    },
    {
      id: 'u4',
      displayName: 'Kossi',
      tasksValidated: 4,
      tasksSubmitted: 3,
      lastActivity: null,
      overduePlans: 0,
    },
  ],
};

describe('progress view', () => {
  it('computes funnel shares without dividing by zero', () => {
    expect(funnel(progress).map((p) => p.pct)).toEqual([75, 13, 0]);
    expect(percent(1, 3)).toBe(33);
  });

  it('lays areas out by phase order, sorted by name, a missing phase empty', () => {
    expect(areaMatrix(progress)).toEqual([
      { unitId: 'a', name: 'Kozah', cells: [33.3, null, null] },
      { unitId: 'b', name: 'Tône', cells: [100, 50, null] },
    ]);
  });

  it('ranks facilitators by validated, submitted, then latest activity', () => {
    expect(league(progress).map((f) => f.displayName)).toEqual(['Essowè', 'Kossi', 'Abalo', 'Zoé']);
  });

  it('colours cells by thresholds', () => {
    expect([null, 0, 10, 40, 79, 80].map(heatClass)).toEqual([
      '',
      '',
      'table-danger',
      'table-warning',
      'table-warning',
      'table-success',
    ]);
  });
});
