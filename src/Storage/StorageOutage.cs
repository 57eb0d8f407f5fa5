using Microsoft.Data.Sqlite;
using Npgsql;

namespace GongGrid.Storage;

/// <summary>
/// Whether an error means the grid's storage is out of reach for now, so a caller may try again shortly: the SQLite
/// file failing (locked, disk full, unreadable), or PostgreSQL unreachable, restarting, overloaded or timing out (the
/// errors Npgsql marks transient, a refused connection and an exhausted pool among them). A PostgreSQL error that
/// trying again would not cure (a query the schema refuses, a constraint) is not an outage.
/// </summary>
public static class StorageOutage
{
    public static bool Is(Exception error) => error is SqliteException or NpgsqlException { IsTransient: true };
}
