import { routeLabel, statusClass, UNMATCHED_ROUTE } from './http-metrics.js';

const HANDLER_ROUTES = new Set(['/api/contracts/:id', '/health']);

describe('routeLabel', () => {
  it.each(['/api/contracts/:id', '/health'])('is the matched handler route template %s', (path) => {
    expect(routeLabel({ path }, HANDLER_ROUTES)).toBe(path);
  });

  it.each([
    ['no route', undefined],
    ['a null route', null],
    ['a route without a path', {}],
    ['a regular expression route', { path: /regex/ }],
    ["a middleware's catch-all route", { path: '/{*path}' }],
    ['a raw URL', { path: '/api/contracts/1234' }],
  ])('is the fixed label for %s', (_case, route) => {
    expect(routeLabel(route, HANDLER_ROUTES)).toBe(UNMATCHED_ROUTE);
  });
});

describe('statusClass', () => {
  it.each([
    [100, '1xx'],
    [200, '2xx'],
    [204, '2xx'],
    [303, '3xx'],
    [401, '4xx'],
    [499, '4xx'],
    [503, '5xx'],
  ])('%i is %s', (status, label) => {
    expect(statusClass(status)).toBe(label);
  });
});
