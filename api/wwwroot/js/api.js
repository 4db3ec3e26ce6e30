// Calls to the FlashSale API. Refusals arrive as ProblemDetails with a stable code; they are thrown
// as ApiProblem so that pages can show the title (in Chinese by its code, on Chinese pages) and,
// for invalid fields, say which field. The API writes field messages in the page's language (Accept-Language).
import { locale, t } from './i18n.js';

export class ApiProblem extends Error {
  constructor(status, problem) {
    const title = problem?.title ?? `HTTP ${status}`;
    super(problem?.code ? t(`problem.${problem.code}`, { defaultValue: title }) : title);
    this.status = status;
    this.code = problem?.code ?? `http_${status}`;
    this.errors = problem?.errors ?? {};
    this.problem = problem ?? {};
  }
}

export async function api(path, { method = 'GET', body, token, headers = {} } = {}) {
  const request = { method, headers: { Accept: 'application/json', 'Accept-Language': locale(), ...headers } };
  if (body !== undefined) {
    request.headers['Content-Type'] = 'application/json';
    request.body = JSON.stringify(body);
  }
  if (token) {
    request.headers.Authorization = `Bearer ${token}`;
  }

  const response = await fetch(path, request);
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new ApiProblem(response.status, json);
  }
  return json;
}

// A refusal's field errors beside their fields (a form's data-field spans, or the enclosing field's for
// "coupon.amountOff" or "batches[1].key"); returns the text with the errors that found no place.
export function placeFieldErrors(form, problem, text = problem.message) {
  let unplaced = text;
  for (const [field, errors] of Object.entries(problem.errors ?? {})) {
    const span = [field, field.split('.')[0], field.split('[')[0]]
      .map(name => form.querySelector(`[data-field="${CSS.escape(name)}"]`)).find(Boolean);
    if (span) span.textContent = errors.join(' ');
    else unplaced += ` ${field}: ${errors.join(' ')}`;
  }
  return unplaced;
}

// A file the API serves only with the token, which a plain link cannot carry: fetched, then handed to
// the browser to save. A refusal is thrown as an ApiProblem.
export async function downloadFile(path, name, token) {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${token}`, 'Accept-Language': locale() } });
  if (!response.ok) {
    throw new ApiProblem(response.status, await response.json().catch(() => null));
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60000);
}

// Answers can arrive out of order: a list asked for twice (filters changed, a tab switched, a poll
// meeting a reload) must show the second answer, never the first arriving late. `next()` starts a
// request that supersedes the earlier ones; `same()` continues the current one (its "More" pages).
// Each returns a function that says whether that request still counts.
export class LatestRequest {
  #generation = 0;

  next() {
    const mine = ++this.#generation;
    return () => mine === this.#generation;
  }

  same() {
    const mine = this.#generation;
    return () => mine === this.#generation;
  }
}
