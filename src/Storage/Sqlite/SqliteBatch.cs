using Microsoft.Data.Sqlite;

namespace GongGrid.Storage.Sqlite;

/// <summary>
/// The transaction a group of write requests runs in. Hands out commands on the writer connection, prepared
/// once per SQL text and reused by every later batch.
/// </summary>
internal sealed class SqliteBatch(SqliteConnection connection)
{
    private readonly Dictionary<string, SqliteCommand> _commands = [];
    private SqliteTransaction? _transaction;

    public SqliteTransaction Begin() => _transaction = connection.BeginTransaction();

    /// <summary>The command for <paramref name="sql"/>, bound to the open transaction, with no parameters.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        command.Transaction = _transaction;
        command.Parameters.Clear();
        return command;
    }
}
