// Progressive enhancement only: every page works without this file.
import { initAll } from '/assets/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

// "huidige datum": fill the date boxes in place instead of re-showing the form (O2).
// The server's "today" (Brussels) is on the button, so both paths give the same day.
for (const button of document.querySelectorAll('button[data-lbp-today]')) {
  button.addEventListener('click', (event) => {
    const form = button.closest('form');
    const [year, month, day] = (button.getAttribute('data-lbp-today') ?? '').split('-');
    const field = (name) => form?.querySelector(`input[name="datum-${name}"]`);
    if (!form || !year || !field('dag') || !field('maand') || !field('jaar')) return;
    event.preventDefault();
    field('dag').value = day;
    field('maand').value = month;
    field('jaar').value = year;
    field('dag').focus();
  });
}
