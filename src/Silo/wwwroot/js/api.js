// The silo's dashboard API: the gRPC API's police methods as JSON, and live feeds as server-sent events read with
// fetch (EventSource cannot send the bearer token). The server checks every call against the token's scope.
let token = sessionStorage.getItem('gonggrid.token') ?? '';

export const hasToken = () => token.length > 0;

export function setToken(value) {
  token = value;
  if (value) sessionStorage.setItem('gonggrid.token', value);
  else sessionStorage.removeItem('gonggrid.token');
}

/** A refused or failed call: code is the gRPC status name (PERMISSION_DENIED...), status the HTTP status. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const headers = () => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

async function answer(response) {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body.code ?? 'UNKNOWN', body.message ?? response.statusText);
  return body;
}

/** Calls a gRPC method (service 'DistrictService', method 'GetNightSummary') with the request message as JSON. */
export const call = async (service, method, request = {}) =>
  answer(await fetch(`/dashboard/api/${service}/${method}`, { method: 'POST', headers: headers(), body: JSON.stringify(request) }));

const query = params => new URLSearchParams(Object.entries(params).filter(([, value]) => value !== undefined && value !== '')).toString();

export const get = async (path, params = {}) => answer(await fetch(`/dashboard/api/${path}?${query(params)}`, { headers: headers() }));

/**
 * Follows a live feed: onEvent(data, eventType) for each event, onState('live' | 'reconnecting'); opens it again after a
 * dropped connection. A refusal (401, 403, 404) ends it with onError. Returns a function that stops it.
 */
export function follow(path, params, { onEvent, onState = () => {}, onError = () => {} }) {
  const stop = new AbortController();
  (async () => {
    while (!stop.signal.aborted) {
      try {
        const response = await fetch(`/dashboard/api/${path}?${query(params)}`, { headers: headers(), signal: stop.signal });
        if (!response.ok) return onError(await answer(response).catch(error => error));
        onState('live');
        await readEvents(response.body, onEvent);
      } catch (error) {
        if (stop.signal.aborted) return;
      }
      onState('reconnecting');
      await new Promise(resolve => setTimeout(resolve, 2000));
    }
  })();
  return () => stop.abort();
}

async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffered += value;
    let end;
    while ((end = buffered.indexOf('\n\n')) >= 0) {
      const lines = buffered.slice(0, end).split('\n');
      buffered = buffered.slice(end + 2);
      const field = name => lines.filter(line => line.startsWith(`${name}:`)).map(line => line.slice(name.length + 1).trimStart());
      const data = field('data').join('\n');
      if (data) onEvent(JSON.parse(data), field('event')[0] ?? 'message');
    }
  }
}
