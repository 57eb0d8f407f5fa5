using System.Diagnostics;
using GongGrid.Testing.Network;
using Npgsql;

namespace GongGrid.Testing.Postgres;

/// <summary>
/// A real PostgreSQL server for tests, set up by nobody: initdb into a temporary folder, started on a free loopback
/// port, stopped and deleted on dispose. PostgreSQL refuses to run as root, so as root (CI) the server runs as the
/// unprivileged <c>postgres</c> user the Debian package creates. Each test takes its own database
/// (<see cref="CreateDatabaseAsync"/>), so tests share one server without sharing state. scripts/test.sh installs
/// PostgreSQL 15 when it is missing.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private const string Superuser = "gonggrid";
    private static readonly TimeSpan CommandDeadline = TimeSpan.FromSeconds(60);

    private readonly string _bin;
    private readonly string _directory;
    private readonly string? _runAs;
    private int _databases;

    private ThrowawayPostgres(string bin, string directory, string? runAs, int port)
    {
        _bin = bin;
        _directory = directory;
        _runAs = runAs;
        Port = port;
    }

    public int Port { get; }

    private string DataDirectory => Path.Combine(_directory, "data");

    private string LogPath => Path.Combine(_directory, "postgres.log");

    /// <summary>The server's log so far, for failure messages.</summary>
    public string Log => File.Exists(LogPath) ? File.ReadAllText(LogPath) : "";

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var bin = FindBinaries();
        var runAs = Environment.UserName == "root" ? "postgres" : null;
        var directory = Directory.CreateTempSubdirectory("gonggrid-postgres-").FullName;
        var server = new ThrowawayPostgres(bin, directory, runAs, FreeTcpPort.Next());
        try
        {
            await server.InitialiseAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A fresh, empty database on this server; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"test_{Interlocked.Increment(ref _databases)}";
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = Superuser, Database = database, Pooling = true }.ConnectionString;

    /// <summary>Stops the server as an operator would (fast: open connections are told it is shutting down); the files stay.</summary>
    public Task StopAsync() => RunAsync("pg_ctl", "-D", DataDirectory, "-m", "fast", "-w", "stop");

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            await RunAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");
        }
        Directory.Delete(_directory, recursive: true);
    }

    private async Task InitialiseAsync()
    {
        if (_runAs is not null)
        {
            await RunProcessAsync("chown", _runAs, _directory);
        }
        // No fsync: a test server that dies loses nothing a test needs.
        await RunAsync("initdb", "-D", DataDirectory, "-U", Superuser, "--auth=trust", "-E", "UTF8", "--no-sync");
        var settings = $"-p {Port} -c listen_addresses=127.0.0.1 -k {_directory} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        await RunAsync("pg_ctl", "-D", DataDirectory, "-l", LogPath, "-o", settings, "-w", "start");
    }

    private Task RunAsync(string program, params string[] args) =>
        _runAs is null
            ? RunProcessAsync(Path.Combine(_bin, program), args)
            : RunProcessAsync("runuser", ["-u", _runAs, "--", Path.Combine(_bin, program), .. args]);

    private async Task RunProcessAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _directory };
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(CommandDeadline);
        await process.WaitForExitAsync(deadline.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}:\n{await output}\n{await errors}\n{Log}");
        }
    }

    /// <summary>The newest PostgreSQL installed the Debian way (/usr/lib/postgresql/N/bin).</summary>
    private static string FindBinaries()
    {
        const string Root = "/usr/lib/postgresql";
        var bin = Directory.Exists(Root)
            ? Directory.GetDirectories(Root).Select(version => Path.Combine(version, "bin"))
                .Where(candidate => File.Exists(Path.Combine(candidate, "initdb")))
                .OrderByDescending(candidate => int.TryParse(Path.GetFileName(Path.GetDirectoryName(candidate)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException($"PostgreSQL is not installed (no initdb under {Root}); scripts/test.sh installs it (apt-get install postgresql).");
    }
}
