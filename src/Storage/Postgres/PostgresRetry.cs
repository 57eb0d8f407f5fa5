using Npgsql;

namespace GongGrid.Storage.Postgres;

/// <summary>
/// Runs a database step again when PostgreSQL failed it for a passing reason (a restart, a dropped connection, a
/// serialisation failure): Npgsql marks those errors transient. Anything else, and the last try, is thrown.
/// </summary>
public static class PostgresRetry
{
    private const int Tries = 5;
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(200);

    public static async Task<T> RunAsync<T>(Func<Task<T>> step, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await step();
            }
            catch (NpgsqlException error) when (error.IsTransient && attempt < Tries && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(FirstPause * Math.Pow(2, attempt - 1), cancellationToken);
            }
        }
    }
}
