/**
 * Prisma's better-sqlite3 driver adapter, made safe for a server that must survive storage faults.
 *
 * @prisma/adapter-better-sqlite3 6.19 has one connection and one async mutex for transactions, and
 * two faults (read in its dist/index.mjs):
 *  1. The mutex is released only by the transaction's commit()/rollback() callbacks. Prisma's
 *     transaction manager first runs the SQL "COMMIT"/"ROLLBACK" and calls the callback only when
 *     that statement succeeds. A disk that is full or failing makes COMMIT fail (SQLITE_FULL,
 *     SQLITE_IOERR), and SQLite may already have rolled the transaction back itself, so the
 *     following "ROLLBACK" fails with "no transaction is active": the callback never runs, the
 *     mutex stays held, and every later transaction (and every updateMany, which Prisma runs as
 *     one) waits forever. A failing "BEGIN" also leaves it held.
 *  2. Queries outside a transaction do not take the mutex: another request's write made while a
 *     transaction is open joins that transaction and is rolled back with it.
 * This module works around both in one place: one lock for the connection that every statement
 * takes (outside a transaction: for that statement; a transaction: from BEGIN until it ends), and
 * a transaction that always ends — a failed COMMIT or ROLLBACK is followed by a best-effort
 * ROLLBACK and the lock is released — so one storage error fails that one request only.
 *
 * Every statement also runs in its own turn of the event loop. better-sqlite3 is synchronous and
 * the adapter's promises resolve at once, so without this a chain of awaited queries — a request's
 * checks, a transaction, and every other request's queries queued on the lock behind them — ran
 * as one long task without ever returning to the loop (`npm run bench:upload`, 30 lecture-preset
 * uploads: stalls of 50–100 ms). Taking the lock and then waiting for setImmediate gives timers,
 * sockets and other requests a turn between two statements, as a networked database would.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { Mutex } from "async-mutex";

type SqlDriverAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<SqlDriverAdapter["startTransaction"]>>;
type SqlQuery = Parameters<SqlDriverAdapter["executeRaw"]>[0];

const statement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });

/** A driver adapter factory for PrismaClient({ adapter }) over the SQLite file at `path`. */
export function serializedSqliteAdapter(path: string) {
  const inner = new PrismaBetterSQLite3({ url: `file:${path}` });
  return {
    provider: "sqlite" as const,
    adapterName: inner.adapterName,
    connect: async () => serialize(await inner.connect()),
  };
}

/** Resolves in the next turn of the event loop, after timers and I/O that are due. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function serialize(connection: SqlDriverAdapter): SqlDriverAdapter {
  const lock = new Mutex();
  return {
    provider: connection.provider,
    adapterName: connection.adapterName,
    queryRaw: (query) => lock.runExclusive(() => nextTurn().then(() => connection.queryRaw(query))),
    executeRaw: (query) => lock.runExclusive(() => nextTurn().then(() => connection.executeRaw(query))),
    executeScript: (script) => lock.runExclusive(() => nextTurn().then(() => connection.executeScript(script))),
    getConnectionInfo: connection.getConnectionInfo?.bind(connection),
    dispose: () => lock.runExclusive(() => connection.dispose()),
    async startTransaction(isolationLevel) {
      // SQLite transactions are serializable; any other level is refused as the adapter does.
      if (isolationLevel && isolationLevel !== "SERIALIZABLE") return connection.startTransaction(isolationLevel);
      const release = await lock.acquire();
      try {
        await nextTurn();
        await connection.executeRaw(statement("BEGIN"));
      } catch (error) {
        release();
        throw error;
      }
      return openTransaction(connection, release);
    },
  };
}

function openTransaction(connection: SqlDriverAdapter, release: () => void): Transaction {
  let open = true;
  const end = () => {
    if (!open) return;
    open = false;
    release();
  };
  /** COMMIT or ROLLBACK failed: make sure nothing of the transaction stays open, then let go. */
  const abandon = async () => {
    await connection.executeRaw(statement("ROLLBACK")).catch(() => undefined); // fails when SQLite already rolled back
    end();
  };
  return {
    provider: connection.provider,
    adapterName: connection.adapterName,
    options: { usePhantomQuery: false },
    queryRaw: (query) => nextTurn().then(() => connection.queryRaw(query)),
    async executeRaw(query) {
      await nextTurn();
      if (query.sql !== "COMMIT" && query.sql !== "ROLLBACK") return connection.executeRaw(query);
      try {
        return await connection.executeRaw(query);
      } catch (error) {
        await abandon();
        if (query.sql === "ROLLBACK") return 0; // the transaction is gone either way
        throw error;
      }
    },
    commit: async () => end(),
    rollback: async () => end(),
  };
}
