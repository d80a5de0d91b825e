// Progressive enhancement only: every page works without this file.
import { initAll } from '/public/govuk-frontend.min.js';

initAll();

// Idle sign-out warning: shown before the server-side idle timeout ends the session.
const dialog = document.getElementById('idle-warning');
if (dialog && typeof dialog.showModal === 'function') {
  const timeout = Number(dialog.dataset.timeoutSeconds) * 1000;
  const warning = Number(dialog.dataset.warningSeconds) * 1000;
  const form = dialog.querySelector('form');
  const returnTo = form.querySelector('input[name="returnTo"]');
  returnTo.value = window.location.pathname + window.location.search;
  const countdown = dialog.querySelector('.app-idle-countdown');
  let deadline = Date.now() + timeout;
  let tick;
  const schedule = () => {
    window.setTimeout(
      () => {
        if (dialog.open) return;
        dialog.showModal();
        tick = window.setInterval(() => {
          const left = Math.max(0, deadline - Date.now());
          const minutes = Math.ceil(left / 60000);
          countdown.textContent = left > 60000 ? `${minutes} minutes` : `${Math.ceil(left / 1000)} seconds`;
          if (left <= 0) {
            window.clearInterval(tick);
            window.location.assign('/sign-in?reason=timeout');
          }
        }, 1000);
      },
      Math.max(0, timeout - warning),
    );
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const response = await fetch(form.action, {
      method: 'POST',
      body: new URLSearchParams(new FormData(form)),
      headers: { accept: 'application/json' },
    });
    if (response.ok) {
      window.clearInterval(tick);
      dialog.close();
      deadline = Date.now() + timeout;
      schedule();
    } else {
      window.location.assign('/sign-in?reason=timeout');
    }
  });
  schedule();
}

// "None of these apply" beside several groups of checkboxes (Islington's category descriptors):
// GOV.UK Frontend's exclusive behaviour works within one group, so the form says which inputs
// exclude each other with data-app-exclusive-with="<name of the other inputs>". Ticking the
// exclusive box clears the others, and ticking any other clears it. Without JavaScript the
// server refuses both and says so next to the field.
for (const exclusive of document.querySelectorAll('input[data-app-exclusive-with]')) {
  const others = () =>
    exclusive.form?.querySelectorAll(`input[type="checkbox"][name="${exclusive.dataset.appExclusiveWith}"]`) ?? [];
  exclusive.addEventListener('change', () => {
    if (exclusive.checked) for (const o of others()) o.checked = false;
  });
  for (const o of others()) {
    o.addEventListener('change', () => {
      if (o.checked) exclusive.checked = false;
    });
  }
}

// The body map (issue 15): ticking a region's box marks it on the outline above, and the outline's
// words say what is marked. Without JavaScript the boxes are the record and the page shows the
// marked outline once saved.
for (const field of document.querySelectorAll('[data-module="app-body-map"]')) {
  for (const side of field.querySelectorAll('.app-body-map__side')) {
    const title = side.querySelector('svg title');
    const caption = side.querySelector('legend').textContent.trim();
    const update = () => {
      const marked = [];
      for (const box of side.querySelectorAll('input[type="checkbox"]')) {
        const shape = side.querySelector(`[data-region="${box.value}"]`);
        if (shape) shape.classList.toggle('app-body-map__region--marked', box.checked);
        if (box.checked) marked.push(box.labels[0].textContent.trim());
      }
      title.textContent = marked.length ? `${caption}, marked: ${marked.join(', ')}` : `${caption}, nothing marked`;
    };
    side.addEventListener('change', update);
  }
}

// Content for one answer only (the guidance on images under "Yes", the "why not" boxes): the page
// marks it data-app-shown-when="<radio name>=<value>[,<value>...]". Without JavaScript it is always
// there; with it, it shows while one of those answers is chosen. (GOV.UK's conditional reveal sets
// aria-expanded on the radios, which axe refuses on a radio.)
for (const shown of document.querySelectorAll('[data-app-shown-when]')) {
  const [name, values] = shown.dataset.appShownWhen.split('=');
  const answers = values.split(',');
  const inputs = [...document.querySelectorAll('input[type="radio"]')].filter((input) => input.name === name);
  const update = () => {
    shown.hidden = !inputs.some((input) => input.checked && answers.includes(input.value));
  };
  for (const input of inputs) input.addEventListener('change', update);
  update();
}
