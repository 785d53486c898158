/** Rejects when `task` takes longer than `timeoutMs`; the task itself is not cancelled. */
export async function withTimeout<T>(
  task: Promise<T>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} timed out after ${Math.round(timeoutMs)}ms`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([task, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Settles every task within `timeoutMs`; rejects listing the ones that failed or did not finish. */
export async function settleAll(
  tasks: readonly { readonly name: string; readonly run: () => Promise<void> }[],
  timeoutMs: number,
  what: string,
): Promise<void> {
  const results = await Promise.allSettled(
    tasks.map((task) =>
      withTimeout(Promise.resolve().then(task.run), timeoutMs, `${what} ${task.name}`),
    ),
  );
  const failures = results.flatMap((result, index) =>
    result.status === 'rejected' ? [`${tasks[index]?.name}: ${String(result.reason)}`] : [],
  );
  if (failures.length > 0) throw new Error(failures.join('; '));
}
