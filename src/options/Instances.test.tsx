// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Instances } from './Instances.tsx';
import { createMockInstancesConnector } from './instances-connector-mock.ts';

async function mount(initial: string[] = [], grant = true) {
  const root = document.createElement('div');
  document.body.append(root);
  const connector = createMockInstancesConnector(initial, grant);
  render(<Instances connector={connector} />, root);
  await vi.waitFor(() => expect(root.textContent).not.toContain('Loading'));
  const input = root.querySelector<HTMLInputElement>('input#instance-host')!;
  const submit = root.querySelector<HTMLButtonElement>('button[type=submit]')!;
  const add = (text: string) => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    submit.click();
  };
  const listed = () =>
    [...root.querySelectorAll<HTMLElement>('[data-instance]')].map((li) => li.dataset.instance);
  return { root, connector, input, add, listed };
}

afterEach(() => {
  render(null, document.body);
  document.body.innerHTML = '';
});

describe('options: other Mastodon instances', () => {
  it('has a labelled input and button', async () => {
    const { root, input } = await mount();
    expect(root.querySelector('label[for="instance-host"]')?.textContent).toBe('Instance host name');
    expect(input.getAttribute('aria-describedby')).toBe('instance-help');
    expect(root.querySelector('button[type=submit]')?.textContent).toBe('Add instance');
    expect(root.textContent).toContain('No other instances yet.');
  });

  it('adds a host once it is granted, normalised, and lists it with a Remove button', async () => {
    const { root, connector, input, add, listed } = await mount(['hachyderm.io']);
    add('  https://Fosstodon.ORG/ ');
    expect(connector.calls).toEqual([{ add: 'fosstodon.org' }]);
    await vi.waitFor(() => expect(listed()).toEqual(['fosstodon.org', 'hachyderm.io']));
    expect(root.querySelector('[role=status]')?.textContent).toBe('Rapport now coaches on fosstodon.org.');
    expect(input.value).toBe('');
    const remove = root.querySelector<HTMLButtonElement>('[data-instance="hachyderm.io"] button')!;
    expect(remove.getAttribute('aria-label')).toBe('Remove hachyderm.io');
    remove.click();
    await vi.waitFor(() => expect(listed()).toEqual(['fosstodon.org']));
    expect(connector.calls.at(-1)).toEqual({ remove: 'hachyderm.io' });
  });

  it('refuses bad hosts before asking the browser, and says why', async () => {
    const { root, connector, input, add } = await mount(['fosstodon.org']);
    for (const [text, reason] of [
      ['http://example.social', 'Only https'],
      ['example.social/@me', 'without a path'],
      ['*.example.social', 'wildcards'],
      ['mastodon.social', 'already coaches'],
      ['fosstodon.org', 'already in the list'],
    ]) {
      add(text!);
      await vi.waitFor(() => expect(root.querySelector('[role=alert]')?.textContent).toContain(reason));
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(input.getAttribute('aria-describedby')).toContain('instance-error');
    }
    expect(connector.calls).toEqual([]);
  });

  it('adds nothing when the browser declines', async () => {
    const { root, add, listed } = await mount([], false);
    add('fosstodon.org');
    await vi.waitFor(() =>
      expect(root.querySelector('[role=alert]')?.textContent).toContain('not allowed on fosstodon.org'),
    );
    expect(listed()).toEqual([]);
  });
});
