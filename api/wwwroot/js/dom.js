// Building page elements without a framework, and short-lived notices.
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'class') node.className = value;
    else if (name.startsWith('data-')) node.setAttribute(name, value);
    else node[name] = value;
  }
  node.append(...children.filter(c => c !== null && c !== undefined));
  return node;
}

export function toast(text) {
  const box = document.getElementById('toasts');
  const item = el('div', { role: 'status' }, text);
  box.append(item);
  setTimeout(() => item.remove(), 6000);
}
