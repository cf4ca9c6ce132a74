/**
 * The admin's policy values the extension could not use, each named with its reason, so the person
 * (and the admin who asks them) can see why a setting is not what the organisation meant. Shown
 * only when there is one; a key kept at its last good value is listed too.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PolicyProblem } from '../shared/policy.ts';
import type { OptionsConnector } from './connector.ts';

export function PolicyProblems({ connector }: { connector: OptionsConnector }) {
  const [problems, setProblems] = useState<PolicyProblem[]>([]);
  useEffect(() => {
    let alive = true;
    const read = () =>
      connector.policyProblems().then(
        (list) => alive && setProblems(list),
        () => undefined,
      );
    void read();
    // The policy can arrive or change while the page is open (the watch hears its cache).
    const stop = connector.watch(() => void read());
    return () => {
      alive = false;
      stop();
    };
  }, [connector]);
  if (problems.length === 0) return null;
  return (
    <section class="notice" aria-labelledby="policy-problems-title" data-policy-problems={problems.length}>
      <h2 id="policy-problems-title">Your organisation's policy</h2>
      <p>
        Some of its values could not be used. Each is ignored, or keeps the last good value your browser
        received:
      </p>
      <ul>
        {problems.map((p) => (
          <li key={p.key} data-policy-problem={p.key}>
            <code>{p.key || '(the whole policy)'}</code>: {p.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}
