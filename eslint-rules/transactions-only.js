/**
 * Every write goes through Transactions.run (src/database/transactions.ts): on SQLite that is what
 * keeps one request's transaction from swallowing another's writes. This rule reports, by type:
 * - `.transaction(...)` on a DataSource or an EntityManager;
 * - a write (insert, update, delete, save, remove, ..., raw query, a query builder's execute)
 *   whose chain starts at a Repository or a DataSource, i.e. runs outside a transaction's manager.
 */
const WRITES = new Set([
  'insert',
  'update',
  'upsert',
  'save',
  'remove',
  'delete',
  'softDelete',
  'softRemove',
  'restore',
  'recover',
  'increment',
  'decrement',
  'clear',
  'query',
  'execute',
]);

/** The receiver a call chain starts at: `this.repo` in `this.repo.createQueryBuilder().update().execute()`. */
function rootOf(node) {
  let current = node;
  for (;;) {
    if (current.type === 'CallExpression') current = current.callee;
    else if (current.type === 'MemberExpression' && current.object.type !== 'ThisExpression')
      current = current.object;
    else return current;
  }
}

export const transactionsOnly = {
  meta: {
    type: 'problem',
    docs: { description: 'Writes and transactions go through Transactions.run' },
    messages: {
      transaction: 'Open transactions with Transactions.run (src/database/transactions.ts).',
      write: 'Write inside Transactions.run, with its manager (src/database/transactions.ts).',
    },
    schema: [],
  },
  create(context) {
    const services = context.sourceCode.parserServices;
    const checker = services.program.getTypeChecker();
    const typeName = (node) => {
      const type = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(node));
      return (type.aliasSymbol ?? type.getSymbol())?.getName();
    };
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return;
        const method = callee.property.name;
        if (method === 'transaction') {
          if (['DataSource', 'EntityManager'].includes(typeName(callee.object)))
            context.report({ node, messageId: 'transaction' });
          return;
        }
        if (!WRITES.has(method)) return;
        // In a query builder chain only its execute() is reported.
        if (method !== 'execute' && callee.object.type === 'CallExpression') return;
        if (['Repository', 'DataSource'].includes(typeName(rootOf(callee.object))))
          context.report({ node, messageId: 'write' });
      },
    };
  },
};
