using System.Globalization;
using Microsoft.Data.Sqlite;

namespace GongGrid.Benchmarks;

/// <summary>
/// What a user would build instead of the grid: one SQLite table of strikes with an index, in a temporary file, and
/// the plain query for "villages on time tonight" in one district — villages with a strike inside the on-time window.
/// </summary>
internal sealed class StrikeTable : IDisposable
{
    /// <summary>
    /// The range on village_key is every key under 'district/' ('0' sorts right after '/'), so the index serves it;
    /// LIKE 'district/%' would scan the table, since SQLite's LIKE ignores case and the index does not.
    /// </summary>
    private const string OnTimeVillages = """
        SELECT COUNT(DISTINCT village_key) FROM strikes
        WHERE village_key > $district || '/' AND village_key < $district || '0'
          AND struck_at BETWEEN $from AND $to
        """;

    private readonly string _path;
    private readonly List<SqliteConnection> _connections = [];

    private StrikeTable(string path) => _path = path;

    public static StrikeTable Create(IEnumerable<(string VillageKey, string DeviceKey, DateTimeOffset StruckAt)> strikes)
    {
        var table = new StrikeTable(Path.Combine(Path.GetTempPath(), $"gonggrid-bench-strikes-{Guid.NewGuid():N}.db"));
        using var connection = table.Open();
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE strikes (village_key TEXT NOT NULL, device_key TEXT NOT NULL, struck_at TEXT NOT NULL);
            """);
        using (var transaction = connection.BeginTransaction())
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO strikes (village_key, device_key, struck_at) VALUES ($village, $device, $at)";
            var village = insert.Parameters.Add("$village", SqliteType.Text);
            var device = insert.Parameters.Add("$device", SqliteType.Text);
            var at = insert.Parameters.Add("$at", SqliteType.Text);
            foreach (var strike in strikes)
            {
                (village.Value, device.Value, at.Value) = (strike.VillageKey, strike.DeviceKey, Timestamp(strike.StruckAt));
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        Execute(connection, "CREATE INDEX strikes_by_village_time ON strikes (village_key, struck_at); ANALYZE;");
        return table;
    }

    /// <summary>One caller's query on its own connection, prepared once: villages of the district struck in [from, to].</summary>
    public Func<long> NewQuery(string districtKey, DateTimeOffset from, DateTimeOffset to)
    {
        var connection = Open();
        _connections.Add(connection);
        var query = connection.CreateCommand();
        query.CommandText = OnTimeVillages;
        query.Parameters.AddWithValue("$district", districtKey);
        query.Parameters.AddWithValue("$from", Timestamp(from));
        query.Parameters.AddWithValue("$to", Timestamp(to));
        query.Prepare();
        return () => (long)query.ExecuteScalar()!;
    }

    public void Dispose()
    {
        _connections.ForEach(connection => connection.Dispose());
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, $"{_path}-wal", $"{_path}-shm" })
        {
            File.Delete(file);
        }
    }

    /// <summary>UTC with milliseconds, so text order is time order.</summary>
    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={_path}");
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
