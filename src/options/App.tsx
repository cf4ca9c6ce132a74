/** The options page: what Rapport does, and the Mastodon instances it coaches on besides the built-in ones. */
import type { InstancesConnector } from './instances-connector.ts';
import { Instances } from './Instances.tsx';

const NETWORKS = [
  'X',
  'LinkedIn',
  'Facebook',
  'Instagram',
  'Threads',
  'Bluesky',
  'Mastodon',
  'Reddit',
  'YouTube',
];

export function App({ instances }: { instances: InstancesConnector }) {
  return (
    <main class="options">
      <h1>Rapport</h1>
      <p>
        Rapport coaches you while you write on social networks, so that posting stays a conversation and not a
        loudspeaker. As you type a post or reply, it checks the draft against a set of engagement rules and
        shows a few short nudges: too much of a sales pitch, nothing for the reader, buzzwords, a canned
        reply, a post that does not fit the network.
      </p>
      <h2>Private by design</h2>
      <p>
        Your drafts are scored on this device. Nothing you type leaves your browser, and Rapport never changes
        the text in the editor.
      </p>
      <h2>Where it works</h2>
      <ul>
        {NETWORKS.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
      <Instances connector={instances} />
    </main>
  );
}
