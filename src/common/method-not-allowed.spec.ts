import { methodsAllowed } from './method-not-allowed.js';

describe('methodsAllowed', () => {
  const allowed = methodsAllowed([
    { method: 'GET', path: '/api/contracts' },
    { method: 'POST', path: '/api/contracts' },
    { method: 'GET', path: '/api/contracts/:id' },
    { method: 'PATCH', path: '/api/contracts/:id' },
    { method: 'POST', path: '/api/auth/logout' },
  ]);

  it.each([
    ['/api/contracts', ['GET', 'HEAD', 'POST']],
    ['/api/contracts/', ['GET', 'HEAD', 'POST']],
    ['/api/contracts/0d9c1f7e-8a39-4c53-9a2f-3f7d3b0e6c11', ['GET', 'HEAD', 'PATCH']],
    ['/api/contracts/not-a-uuid', ['GET', 'HEAD', 'PATCH']],
    ['/API/Contracts', ['GET', 'HEAD', 'POST']],
    ['/api/auth/logout', ['POST']],
  ])('%s allows %o', (path, methods) => {
    expect(allowed(path)).toEqual(methods);
  });

  it.each(['/api/nothing', '/api/contracts/x/y', '/'])('knows no route at %s', (path) => {
    expect(allowed(path)).toBeNull();
  });
});
