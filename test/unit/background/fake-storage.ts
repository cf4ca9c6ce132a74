/** storage.local and its onChanged, in memory, as the settings store sees them. */
import type { StorageChange } from '../../../src/shared/settings-store.ts';

type Listener = (changes: Record<string, StorageChange>, area: string) => void;

export function fakeStorage() {
  const data: Record<string, unknown> = {};
  const listeners = new Set<Listener>();
  return {
    data,
    area: {
      get: async (key: string) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
      set: async (items: Record<string, unknown>) => {
        for (const [k, v] of Object.entries(items)) {
          const oldValue = data[k];
          data[k] = structuredClone(v);
          for (const l of listeners) l({ [k]: { oldValue, newValue: structuredClone(v) } }, 'local');
        }
      },
    },
    onChanged: {
      addListener: (l: Listener) => void listeners.add(l),
      removeListener: (l: Listener) => void listeners.delete(l),
    },
  };
}
