/** Mounting helper without the editor libraries (fast to import). */
export function mount(html = ''): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.append(host);
  return host;
}
