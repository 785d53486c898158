import { context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { suppressTracing } from '@opentelemetry/core';
import {
  breadcrumbTrail,
  recordingTrail,
  startBreadcrumbs,
  stopBreadcrumbs,
  tracingSuppressed,
} from './breadcrumbs.js';

describe('breadcrumbs', () => {
  const manager = new AsyncLocalStorageContextManager();
  beforeAll(() => context.setGlobalContextManager(manager.enable()));
  afterAll(() => {
    manager.disable();
    context.disable();
  });

  it('reads the suppression key that @opentelemetry/core sets', () => {
    expect(tracingSuppressed()).toBe(false);
    context.with(suppressTracing(context.active()), () => {
      expect(tracingSuppressed()).toBe(true);
    });
  });

  it('records nothing where tracing is suppressed (the SDK exporting its own data)', () => {
    startBreadcrumbs();
    expect(recordingTrail()).toBeDefined();
    context.with(suppressTracing(context.active()), () => {
      expect(recordingTrail()).toBeUndefined();
    });
    stopBreadcrumbs();
    expect(recordingTrail()).toBeUndefined();
  });

  it('keeps the newest breadcrumbs in order and cuts long messages', () => {
    const trail = breadcrumbTrail(2);
    trail.add({ category: 'a' }, 't1');
    trail.add({ category: 'b', message: 'x'.repeat(400) }, 't2');
    trail.add({ category: 'c' });
    expect(trail.forTrace(undefined).map((crumb) => crumb.category)).toEqual(['b', 'c']);
    expect(trail.forTrace('t1').map((crumb) => crumb.category)).toEqual(['c']);
    expect(trail.forTrace('t2')[0]?.message).toHaveLength(301);
  });
});
