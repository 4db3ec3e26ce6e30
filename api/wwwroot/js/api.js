// Calls to the FlashSale API. Refusals arrive as ProblemDetails with a stable code; they are thrown
// as ApiProblem so that pages can show the title (in Chinese by its code, on Chinese pages) and,
// for invalid fields, say which field.
import { t } from './i18n.js';

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
  const request = { method, headers: { Accept: 'application/json', ...headers } };
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
