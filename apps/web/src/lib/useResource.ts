import { useCallback, useEffect, useRef, useState } from 'react';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => Promise<T | undefined>;
  setData: (value: T | undefined) => void;
}

export interface ResourceOptions<T> {
  enabled?: boolean;
  /** Loads again every pollMs while the tab is visible. */
  pollMs?: number;
  /** With pollMs: polls only while this holds for the latest data (undefined until the first answer). */
  pollWhile?: (data: T | undefined) => boolean;
}

/**
 * Loads once (and again when deps change); with pollMs, again every pollMs while the tab is visible
 * (and pollWhile holds), so changes made by others show up without a reload.
 */
export function useResource<T>(loader: () => Promise<T>, deps: unknown[], options: ResourceOptions<T> = {}): Resource<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const loaderRef = useRef(loader);
  loaderRef.current = loader;
  const enabled = options.enabled ?? true;
  const generation = useRef(0);
  const inFlight = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    inFlight.current++;
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
      inFlight.current--;
      if (mine === generation.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (!enabled) return;
    setLoading(true);
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, enabled]);

  // Decided from the data as rendered, so the timer starts and stops with it (no state to keep in step).
  const polling = enabled && !!options.pollMs && (options.pollWhile?.(data) ?? true);
  useEffect(() => {
    if (!polling) return;
    const timer = setInterval(() => {
      // A tick while a load is still out is skipped: a slow server never has two of ours at once.
      if (document.visibilityState === 'visible' && !inFlight.current) void reload();
    }, options.pollMs);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, polling, options.pollMs]);

  // A value set by hand (a write's answer) is newer than any load still in flight: those are dropped.
  const set = useCallback((value: T | undefined) => {
    generation.current++;
    setData(value);
    setError(undefined);
    setLoading(false);
  }, []);

  return { data, error, loading, reload, setData: set };
}
