import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import type { ResourceMetrics } from '@opentelemetry/sdk-metrics';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { lazyExporters, type Exporters } from './lazy-exporters.js';

/** Exporters that record calls and succeed. */
function recordingExporters(calls: string[]): Exporters {
  return {
    traces: {
      export: (spans, done) => {
        calls.push(`traces ${spans.length}`);
        done({ code: ExportResultCode.SUCCESS });
      },
      shutdown: async () => void calls.push('traces shutdown'),
    },
    metrics: {
      export: (_metrics, done) => {
        calls.push('metrics');
        done({ code: ExportResultCode.SUCCESS });
      },
      forceFlush: async () => void calls.push('metrics flush'),
      shutdown: async () => void calls.push('metrics shutdown'),
    },
  };
}

const exportSpans = (exporters: Exporters, spans: ReadableSpan[]): Promise<ExportResult> =>
  new Promise((resolve) => exporters.traces.export(spans, resolve));

describe('lazyExporters', () => {
  it('loads the real exporters on the first export, once, and forwards to them', async () => {
    const calls: string[] = [];
    let loads = 0;
    const lazy = lazyExporters(async () => {
      loads++;
      return recordingExporters(calls);
    });
    expect(loads).toBe(0);
    expect(await exportSpans(lazy, [])).toEqual({ code: ExportResultCode.SUCCESS });
    const metrics = new Promise<ExportResult>((resolve) =>
      lazy.metrics.export({} as ResourceMetrics, resolve),
    );
    expect(await metrics).toEqual({ code: ExportResultCode.SUCCESS });
    await lazy.metrics.forceFlush();
    await Promise.all([lazy.traces.shutdown(), lazy.metrics.shutdown()]);
    expect(loads).toBe(1);
    expect(calls).toEqual([
      'traces 0',
      'metrics',
      'metrics flush',
      'traces shutdown',
      'metrics shutdown',
    ]);
  });

  it('does not load anything to flush or shut down before the first export', async () => {
    let loads = 0;
    const lazy = lazyExporters(async () => {
      loads++;
      return recordingExporters([]);
    });
    await lazy.traces.forceFlush?.();
    await Promise.all([lazy.traces.shutdown(), lazy.metrics.shutdown()]);
    expect(loads).toBe(0);
  });

  it('fails the export when the exporters cannot load', async () => {
    const lazy = lazyExporters(() => Promise.reject(new Error('missing module')));
    const result = await exportSpans(lazy, []);
    expect(result.code).toBe(ExportResultCode.FAILED);
    expect(result.error?.message).toBe('missing module');
  });
});
