/**
 * What every settings control shares: read-only when the organisation set its key (or a key
 * above it: `reminder` locks `reminder.hour`), with the reason said next to it; and a text-like
 * input that validates as the person types and saves only a valid value.
 */
import { useState } from 'preact/hooks';

export function isLocked(locked: readonly string[], key: string): boolean {
  return locked.some((k) => k === key || key.startsWith(`${k}.`));
}

export const lockId = (key: string) => `locked-${key.replace(/\W/g, '-')}`;

/** Said next to a control the organisation set; its id goes in the control's aria-describedby. */
export function LockedNote({ name }: { name: string }) {
  return (
    <span id={lockId(name)} class="locked">
      set by your organisation
    </span>
  );
}

/** Space-separated ids for aria-describedby, or undefined when there are none. */
export const describedBy = (...ids: Array<string | false | undefined>) =>
  ids.filter(Boolean).join(' ') || undefined;

interface ValidatedProps {
  name: string;
  label: string;
  type: 'number' | 'time';
  value: string;
  locked: boolean;
  /** Null when valid, else the message to show. */
  check(text: string): string | null;
  /** Called with a valid value when the person commits it (change: blur or Enter). */
  commit(text: string): void;
  help?: string;
  min?: number;
  max?: number;
}

export function ValidatedInput(props: ValidatedProps) {
  const { name, label, value } = props;
  // The person's edit, tied to the saved value it started from: once that value changes (saved
  // here, elsewhere, or repaired) the field shows it. Derived rather than reset in an effect, which
  // would run after paint and could wipe what was typed meanwhile.
  const [edit, setEdit] = useState<{ base: string; text: string; error: string | null }>({
    base: value,
    text: value,
    error: null,
  });
  const { text, error } = edit.base === value ? edit : { text: value, error: null };
  const update = (next: string) => {
    const problem = props.check(next);
    setEdit({ base: value, text: next, error: problem });
    return problem;
  };
  const id = `field-${name.replace(/\W/g, '-')}`;
  const errorId = `${id}-error`;
  const helpId = `${id}-help`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={props.type}
        value={text}
        {...(props.min !== undefined ? { min: props.min } : {})}
        {...(props.max !== undefined ? { max: props.max } : {})}
        disabled={props.locked}
        aria-invalid={error !== null}
        aria-describedby={describedBy(
          props.help && helpId,
          error !== null && errorId,
          props.locked && lockId(name),
        )}
        onInput={(event) => void update(event.currentTarget.value)}
        onChange={(event) => {
          const next = event.currentTarget.value;
          if (update(next) === null && next !== value) props.commit(next);
        }}
      />
      {props.help && (
        <span id={helpId} class="help">
          {props.help}
        </span>
      )}
      {props.locked && <LockedNote name={name} />}
      <span id={errorId} class="error" role="alert">
        {error ?? ''}
      </span>
    </div>
  );
}
