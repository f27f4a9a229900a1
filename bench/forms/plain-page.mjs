// The rendering benchmark's baseline (render.mjs): the long form's pages as plain inputs — a heading, and per
// question a label, a hint and a native input (radios for a choice list) with the app's Bootstrap classes —
// built by hand-written DOM code on each "next" tap, with no engine, no relevance, no React. It replaces the
// app's screen in the same tab, so it runs with the same stylesheet, viewport and CPU throttling.
//
// `installPlainPages` runs in the page (page.evaluate): it gets the definition's groups and choice lists.

export function installPlainPages({ groups, choices }) {
  const app = document.getElementById('root') ?? document.body.firstElementChild;
  if (app) app.style.display = 'none';
  const box = document.createElement('main');
  box.id = 'bench-plain';
  box.className = 'container py-3';
  const next = document.createElement('button');
  next.id = 'bench-plain-next';
  next.type = 'button';
  next.className = 'btn btn-primary btn-lg w-100 mt-3';
  next.textContent = 'Suivant';
  let index = 0;
  const render = () => {
    const group = groups[index % groups.length];
    const page = document.createElement('div');
    const h2 = document.createElement('h2');
    h2.className = 'h4';
    h2.textContent = `${group.label.fr} `;
    page.append(h2);
    for (const q of group.children) {
      if (q.type === 'calculate') continue;
      const row = document.createElement('div');
      row.className = 'mb-3';
      const id = `plain-${q.name}`;
      const label = document.createElement(q.list ? 'p' : 'label');
      label.className = 'form-label fw-semibold';
      label.textContent = q.label.fr;
      if (!q.list) label.htmlFor = id;
      row.append(label);
      if (q.hint) {
        const hint = document.createElement('div');
        hint.className = 'form-text mb-1';
        hint.textContent = q.hint.fr;
        row.append(hint);
      }
      if (q.list) {
        for (const c of choices[q.list]) {
          const check = document.createElement('div');
          check.className = 'form-check';
          const input = document.createElement('input');
          input.className = 'form-check-input';
          input.type = 'radio';
          input.name = q.name;
          input.id = `${id}-${c.name}`;
          const text = document.createElement('label');
          text.className = 'form-check-label';
          text.htmlFor = input.id;
          text.textContent = c.label.fr;
          check.append(input, text);
          row.append(check);
        }
      } else {
        const input = document.createElement('input');
        input.className = 'form-control form-control-lg';
        input.id = id;
        input.type = { integer: 'number', decimal: 'number', date: 'date' }[q.type] ?? 'text';
        row.append(input);
      }
      page.append(row);
    }
    box.replaceChildren(page, next);
  };
  next.addEventListener('click', () => {
    index++;
    render();
  });
  // The measurement's floor: a tap that only renames the heading (no new inputs, nothing to lay out).
  const floor = document.createElement('button');
  floor.id = 'bench-plain-floor';
  floor.type = 'button';
  floor.className = 'btn btn-secondary';
  floor.textContent = 'Plancher';
  floor.addEventListener('click', () => {
    index++;
    box.querySelector('h2').textContent = `${groups[index % groups.length].label.fr} `;
  });
  render();
  document.body.append(floor, box);
}
