/** "You": the person's role and what success means to them (never follower counts). */
import { GOALS, ROLES, type Goal, type Role, type Settings } from '../shared/settings.ts';
import type { SettingsPatch } from '../shared/settings-store.ts';
import { describedBy, isLocked, LockedNote, lockId } from './fields.tsx';

const ROLE_TEXT: Record<Role, { label: string; help: string }> = {
  employee: {
    label: 'Employee',
    help: 'You post for yourself and your team. The daily reminder is off unless you turn it on.',
  },
  executive: {
    label: 'Executive',
    help: 'You speak for the organisation. A quiet daily reminder suggests one thing worth doing.',
  },
};

export const GOAL_TEXT: Record<Goal, string> = {
  conversations: 'Conversations started',
  answers: 'Answers given',
  customers: 'Customers helped',
  expertise: 'Expertise shared',
};

interface Props {
  settings: Settings;
  locked: readonly string[];
  save(patch: SettingsPatch, label: string): void;
}

export function You({ settings, locked, save }: Props) {
  const roleLocked = isLocked(locked, 'role');
  const goalsLocked = isLocked(locked, 'goals');
  const reminderLocked = isLocked(locked, 'reminder.enabled');
  const chooseRole = (role: Role) =>
    // The reminder's default follows the role (on for executives, off for employees).
    save(
      reminderLocked ? { role } : { role, reminder: { enabled: role === 'executive' } },
      `role ${ROLE_TEXT[role].label.toLowerCase()}`,
    );
  const toggleGoal = (goal: Goal, on: boolean) => {
    const chosen = new Set(settings.goals);
    if (on) chosen.add(goal);
    else chosen.delete(goal);
    save({ goals: GOALS.filter((g) => chosen.has(g)) }, 'goals');
  };
  return (
    <section aria-labelledby="you-title">
      <h2 id="you-title">You</h2>
      <fieldset aria-describedby={describedBy(roleLocked && lockId('role'))}>
        <legend>Your role</legend>
        {ROLES.map((role) => (
          <div class="choice" key={role}>
            <input
              type="radio"
              id={`role-${role}`}
              name="role"
              value={role}
              checked={settings.role === role}
              disabled={roleLocked}
              aria-describedby={`role-${role}-help`}
              onChange={() => chooseRole(role)}
            />
            <label for={`role-${role}`}>{ROLE_TEXT[role].label}</label>
            <span id={`role-${role}-help`} class="help">
              {ROLE_TEXT[role].help}
            </span>
          </div>
        ))}
        {roleLocked && <LockedNote name="role" />}
      </fieldset>
      <fieldset aria-describedby={describedBy('goals-help', goalsLocked && lockId('goals'))}>
        <legend>What success means to you</legend>
        <p id="goals-help" class="help">
          Rapport counts these, never follower counts: they are what success means here. The nudges and the
          reminder point at the ones you choose.
        </p>
        {GOALS.map((goal) => (
          <div class="choice" key={goal}>
            <input
              type="checkbox"
              id={`goal-${goal}`}
              name="goals"
              value={goal}
              checked={settings.goals.includes(goal)}
              disabled={goalsLocked}
              onChange={(event) => toggleGoal(goal, event.currentTarget.checked)}
            />
            <label for={`goal-${goal}`}>{GOAL_TEXT[goal]}</label>
          </div>
        ))}
        {goalsLocked && <LockedNote name="goals" />}
      </fieldset>
    </section>
  );
}
