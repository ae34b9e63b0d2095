import { useState } from 'react';
import type { CombinedError } from 'urql';
import { describeApiError, type ApiProblem } from '../api/api-error';

/**
 * Runs one conversation action and keeps its problems in plain words. A CONFLICT (someone changed
 * the conversation since it was loaded) also calls `onStale`, so the view refreshes its version.
 */
export function useAction(onStale: () => void) {
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const run = async (call: () => Promise<{ error?: CombinedError }>): Promise<boolean> => {
    setProblems([]);
    setBusy(true);
    try {
      const res = await call();
      if (res.error) {
        const described = describeApiError(res.error);
        setProblems(described);
        if (described.some((p) => p.code === 'CONFLICT')) onStale();
        return false;
      }
      return true;
    } finally {
      setBusy(false);
    }
  };
  return { problems, busy, run, clear: () => setProblems([]) };
}
