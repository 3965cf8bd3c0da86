import { useCallback, useEffect, useRef, useState } from 'react';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => Promise<T | undefined>;
  setData: (value: T | undefined) => void;
}

/**
 * Loads once (and again when deps change); with pollMs, again every pollMs while the tab is visible,
 * so changes made by others show up without a reload.
 */
export function useResource<T>(loader: () => Promise<T>, deps: unknown[], options: { pollMs?: number; enabled?: boolean } = {}): Resource<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const loaderRef = useRef(loader);
  loaderRef.current = loader;
  const enabled = options.enabled ?? true;
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const value = await loaderRef.current();
      if (mine === generation.current) {
        setData(value);
        setError(undefined);
      }
      return value;
    } catch (e) {
      if (mine === generation.current) setError(e);
      return undefined;
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (!enabled) return;
    setLoading(true);
    void reload();
    if (!options.pollMs) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void reload();
    }, options.pollMs);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, enabled, options.pollMs]);

  // A value set by hand (a write's answer) is newer than any load still in flight: those are dropped.
  const set = useCallback((value: T | undefined) => {
    generation.current++;
    setData(value);
    setError(undefined);
    setLoading(false);
  }, []);

  return { data, error, loading, reload, setData: set };
}
